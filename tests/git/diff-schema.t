# a changed schema is said in one line (json, jsonl: one object {"schema":
# "changed"}) and is no record difference: alone, it leaves the exit status
# 0; -o id and -c count records only
$ cd r && kbq diff c07:kb c08:kb; echo "status $?"; kbq diff c07:kb c08:kb -o json; kbq diff c07:kb c08:kb -o jsonl; kbq diff c07:kb c08:kb -o id; kbq diff c07:kb c08:kb -c; kbq diff c07:kb c08:kb -q; echo "status $?"
--- stdout
schema changed (c07:kb/schema.yaml -> c08:kb/schema.yaml)
status 0
[
{"schema":"changed"}
]
{"schema":"changed"}
0
status 0
