# -c counts the records that differ, -o id lists their ids (-0: NUL after
# each); the schema line is neither a record nor an id
$ cd r && kbq diff c01:kb c13:kb -c; kbq diff c01:kb c13:kb -o id; kbq diff c01:kb c13:kb -0 kind=event | tr '\0' '|'; echo
--- stdout
6
us
eu
ctl-b
ctl-a
ev2
ev1
ev2|ev1|
