# EXPR restricts the diff to the records that match it in either version:
# ctl-a is lifted only in c13, ev1 was at Geneva only in c01, us had the tag
# g7 only in c01, eu is an organization only in c13; -i applies
$ cd r && kbq diff c01:kb c13:kb status=lifted -o id; kbq diff c01:kb c13:kb name~Geneva -o id; kbq diff c01:kb c13:kb tags=g7 -o id; kbq diff c01:kb c13:kb kind=organization -o id; kbq diff c01:kb c13:kb -i 'name~TALKS' -o id; kbq diff c01:kb c13:kb -c kind=control; kbq diff c01:kb c13:kb id=cn; echo "status $?"
--- stdout
ctl-a
ev1
us
eu
ev2
ev1
2
schema changed (c01:kb/schema.yaml -> c13:kb/schema.yaml)
status 0
