# a list whose elements only changed order says so, old and new in full
$ cd r && kbq diff c04:kb c05:kb id=ctl-b; kbq diff c04:kb c05:kb id=ctl-b -o jsonl
--- stdout
~ ctl-b (control) c05:kb/controls.yaml:2:3
  ~ items: order [gpu, hbm] -> [hbm, gpu]
{"id":"ctl-b","kind":"control","change":"changed","file":"c05:kb/controls.yaml","line":2,"col":3,"fields":{"items":{"old":["gpu","hbm"],"new":["hbm","gpu"],"removed":[],"added":[],"order":true}}}
--- status 1
