# kbq diff -o jsonl: a changed schema as {"schema":"changed"}, then the
# records' objects one a line, read back by jq; a scalar that changed is a
# string on both sides, a list an array
$ cd r && kbq diff c01:kb c13:kb -o jsonl id=us or id=ctl-a; kbq diff c01:kb c13:kb -o jsonl | jq -r 'select(.id) | [.id, .change, (.fields | keys | join(","))] | @tsv'
--- stdout
{"schema":"changed"}
{"id":"us","kind":"actor","change":"changed","file":"c13:kb/actors.yaml","line":1,"col":3,"fields":{"notes":{"old":null,"new":"First line.\nSecond line.\n"},"tags":{"old":["country","g7"],"new":null}}}
{"id":"ctl-a","kind":"control","change":"changed","file":"c13:kb/controls.yaml","line":4,"col":5,"fields":{"until":{"old":null,"new":"2025-11-10"},"status":{"old":"announced","new":"lifted"},"items":{"old":["dysprosium","terbium","samarium"],"new":["dysprosium","terbium","yttrium"],"removed":["samarium"],"added":["yttrium"]},"targets":{"old":["us"],"new":["us","eu"],"removed":[],"added":["eu"]},"name":{"old":"Rare earth licensing","new":"Rare earth export licensing"}}}
us	changed	notes,tags
eu	changed	kind
ctl-b	changed	items
ctl-a	changed	items,name,status,targets,until
ev2	added	actors,date,name
ev1	removed	actors,date,name
--- status 1
