# a bad UTF-8 byte in a KB read from a pipe is located as in a file, also 90 KB in (past what is kept of the pipe's start); how many records were printed before it is libyaml's buffering, not checked
$ cd $SCRATCH && { awk 'BEGIN { for (i = 1; i <= 3000; i++) printf "- id: r%d\n  kind: k\n  name: ok \303\251 ok\n", i }'; printf -- '- id: b\n  kind: k\n  name: bad \303( byte\n'; } >kb.yaml && kbq --kb kb.yaml find -o id >/dev/null; cat kb.yaml | kbq --kb /dev/stdin find -o id >/dev/null; printf -- '- id: a\n  kind: k\n\n  name: \377\n' | kbq --kb /dev/stdin find
--- stdout
--- stderr
kbq: kb.yaml:9003:14: error: yaml: invalid trailing UTF-8 octet (byte 0x28)
kbq: /dev/stdin:9003:14: error: yaml: invalid trailing UTF-8 octet (byte 0x28)
kbq: /dev/stdin:4:9: error: yaml: invalid leading UTF-8 octet (byte 0xFF)
--- status 2
