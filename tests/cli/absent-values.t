# plain ~, null, Null, NULL, an empty value and [] are absent; quoted "null", "~" and "" are that text; an alias gives its anchor's text; nothing is typed (NO, 0710, 1e3, .inf as written)
$ kbq --kb nulls.yaml find -o json; for f in a b c d e f g; do echo "$f?:" $(kbq --kb nulls.yaml find $f? -o id); done; kbq --kb nulls.yaml find 'd=' 'h=0710' 'h=.inf' -o id
--- stdout
[
{"id":"absent","kind":"probe","g":"shared"},
{"id":"present","kind":"probe","a":"~","b":"null","c":"Null","d":"","e":"","f":[""],"g":"shared","h":["NO","yes","0710","2025-06-09","1e3","0x1F",".inf"]}
]
a?: present
b?: present
c?: present
d?: present
e?: present
f?: present
g?: absent present
present
--- status 0
