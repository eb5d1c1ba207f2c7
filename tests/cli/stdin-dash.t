# --kb - reads one KB file from standard input, named <stdin> in diagnostics (SPEC 2); --schema applies to it
$ printf -- '- {id: b1, kind: book, title: Dune, pages: "412"}\n- {id: b2, kind: book, title: Emma}\n' | kbq --kb - find -o id; printf -- '- {id: x, kind: k}\n- {id: x, kind: k}\n' | kbq --kb - find; echo "status $?"; printf -- '- {id: q, kind: k, name: [a, [b]]}\n' | kbq --kb - validate; echo "status $?"
--- stdout
b1
b2
status 2
status 2
--- stderr
kbq: <stdin>:2:8: error: duplicate id 'x' (first defined at <stdin>:1:8)
kbq: <stdin>:1:30: error: list 'name' holds a list inside a list
--- status 0
