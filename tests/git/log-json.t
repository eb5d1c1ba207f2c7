# kbq log -o json: an array with an object per commit: the full 40-digit
# commit id, the author's date (ISO 8601), author, email, subject, "schema":
# "changed" when the commit changed it, and the record changes as kbq diff
# -o json writes them; -o jsonl: one object a line, an author and a subject
# holding control characters carried exactly (JSON escapes)
$ cd r && kbq log --kb kb id=ctl-b -o json | sed -f ../r.names; kbq log --kb kb -o jsonl --limit 1 | jq -r '.commit | test("^[0-9a-f]{40}$")'; kbq log --kb kb -o jsonl --limit 1 | jq -c '[.author, .subject]'
--- stdout
[
{"commit":"c05","date":"2025-01-05T12:00:00+00:00","author":"Ann Author","email":"ann@example.org","subject":"ctl-a targets eu too; ctl-b items reordered","changes":[{"id":"ctl-b","kind":"control","change":"changed","file":"c05:kb/controls.yaml","line":2,"col":3,"fields":{"items":{"old":["gpu","hbm"],"new":["hbm","gpu"],"removed":[],"added":[],"order":true}}}]},
{"commit":"c01","date":"2025-01-01T12:00:00+00:00","author":"Ann Author","email":"ann@example.org","subject":"Add the KB","schema":"changed","changes":[{"id":"ctl-b","kind":"control","change":"added","file":"c01:kb/controls.yaml","line":9,"col":3,"fields":{"name":{"old":null,"new":"Chip export rule"},"imposed_by":{"old":null,"new":"us"},"targets":{"old":null,"new":["cn"]},"items":{"old":null,"new":["gpu","hbm"]},"status":{"old":null,"new":"in-force"}}}]}
]
true
["Eve \u001b]0;owned\u0007 Mallory","Lift ctl-a \u001b[31mnow\u001b[m"]
