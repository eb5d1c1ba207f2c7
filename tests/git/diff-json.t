# kbq diff -o json: one array, an object per record with id, kind (NEW's,
# OLD's when removed), change, file, line, col and fields: per field old and
# new as find's json writes them (null when absent); a list that changed
# also has the elements removed and added, and "order": true when only the
# order changed
$ cd r && kbq diff c04:kb c06:kb -o json
--- stdout
[
{"id":"ctl-b","kind":"control","change":"changed","file":"c06:kb/controls.yaml","line":2,"col":3,"fields":{"items":{"old":["gpu","hbm"],"new":["hbm","gpu"],"removed":[],"added":[],"order":true}}},
{"id":"ctl-a","kind":"control","change":"changed","file":"c06:kb/controls.yaml","line":4,"col":5,"fields":{"targets":{"old":["us"],"new":["us","eu"],"removed":[],"added":["eu"]}}},
{"id":"ev2","kind":"event","change":"added","file":"c06:kb/events.yaml","line":1,"col":3,"fields":{"name":{"old":null,"new":"London talks"},"date":{"old":null,"new":"2025-06-09"},"actors":{"old":null,"new":["us","cn"]}}},
{"id":"ev1","kind":"event","change":"removed","file":"c04:kb/events.yaml","line":1,"col":3,"fields":{"name":{"old":"Geneva talks","new":null},"date":{"old":"2025-05-10","new":null},"actors":{"old":["us","cn"],"new":null}}}
]
--- status 1
