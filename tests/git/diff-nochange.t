# moving a record to another file (c03: cn), reordering records and keys,
# requoting, re-indenting, comments, flow against block style and `x`
# against `[x]` (c04: controls.yaml) are no change: nothing printed (--stat
# neither, as git's), exit 0
$ cd r && kbq diff c02:kb c04:kb; echo "status $?"; kbq diff c02:kb c04:kb -o json; kbq diff c02:kb c04:kb -o jsonl; kbq diff c02:kb c04:kb -c; kbq diff c02:kb c04:kb --stat
--- stdout
status 0
[]
0
--- status 0
