# a duplicate id in a KB read from a pipe is found and located (a pipe cannot be read again to find the first one: its ids are kept whole), with every record after it left alone
$ printf -- '- id: a\n  kind: k\n- id: a\n  kind: k\n' | kbq --kb /dev/stdin find -o id; echo "status $?"; { printf -- '- id: b\n  kind: k\n'; awk 'BEGIN { for (i = 1; i <= 5000; i++) printf "- id: r%d\n  kind: k\n  d: r%d\n", i, i }'; } | kbq --kb /dev/stdin stats | head -3; { awk 'BEGIN { for (i = 1; i <= 5000; i++) printf "- id: r%d\n  kind: k\n", i }'; printf -- '- id: r17\n  kind: k\n'; } | kbq --kb /dev/stdin find -c
--- stdout
a
status 2
5001 records

k: 5001 records
--- stderr
kbq: /dev/stdin:3:7: error: duplicate id 'a' (first defined at /dev/stdin:1:7)
kbq: /dev/stdin:10001:7: error: duplicate id 'r17' (first defined at /dev/stdin:33:7)
--- status 2
