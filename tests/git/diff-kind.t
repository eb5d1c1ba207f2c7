# a record whose kind changed lists kind among its changed fields; its
# header and json give NEW's kind
$ cd r && kbq diff c08:kb c09:kb; kbq diff c08:kb c09:kb -o jsonl
--- stdout
~ eu (organization) c09:kb/actors.yaml:5:3
  ~ kind: actor -> organization
{"id":"eu","kind":"organization","change":"changed","file":"c09:kb/actors.yaml","line":5,"col":3,"fields":{"kind":{"old":"actor","new":"organization"}}}
--- status 1
