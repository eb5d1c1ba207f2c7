# -o yaml quotes every value that a plain scalar would not give back to kbq or to a YAML 1.1 or 1.2 reader (SPEC 2): keywords (null, ~, yes, NO, true, y, n), indicators, spaces at the ends, separators, and anything that starts with a digit (0710, 1e3, dates)
$ kbq --kb tricky find id=words or id=indicators or id=keys -o yaml
--- stdout
---
id: words
kind: odd
name: "null"
a: "~"
b: "NO"
c: "0710"
d: "1e3"
e: "yes"
f: ""
g: " leading space"
h: "trailing space "
i: "- dash"
j: "# hash"
k: "a: b"
l: "a #b"
m: "'single'"
"n": "\"double\""
o: back\slash
p: "tab\there"
q: "line\nbreak"
r: "cr\rhere"
s: "---"
t: "..."
u: "@at"
v: "`tick"
w: "%percent"
x: "!bang"
"y": "&amp"
z: "*star"
---
id: indicators
kind: odd
name: brackets
a: "[x]"
b: "{y}"
c: "|pipe"
d: ">fold"
e: "?q"
f: ":colon"
g: "colon:"
h: ","
i: "true"
j: "Null"
k: "NULL"
l: "<<"
m: "=eq"
"n": Ærø 東京 😀
o: "  "
p: a\nb
q: "\\"
list:
  - ""
  - "null"
  - "~"
  - " x"
  - "- y"
  - a,b
  - a;b
  - "a\tb"
  - "x\ny"
---
id: keys
kind: odd
name: odd keys
key with space: v1
key:colon: v2
ключ: значение
"-dash": v3
"#hash": v4
--- status 0
