# a duplicate id across files is an error at the second, naming the first; every command refuses the KB with exit 2
$ for c in find "show same" "grep x" timeline stats schema validate; do kbq --kb bad/dup-id $c; echo "$c: $?"; done
--- stdout
find: 2
show same: 2
grep x: 2
timeline: 2
stats: 2
schema: 2
validate: 2
--- stderr
kbq: bad/dup-id/b.yaml:3:7: error: duplicate id 'same' (first defined at bad/dup-id/a.yaml:1:7)
kbq: bad/dup-id/b.yaml:3:7: error: duplicate id 'same' (first defined at bad/dup-id/a.yaml:1:7)
kbq: bad/dup-id/b.yaml:3:7: error: duplicate id 'same' (first defined at bad/dup-id/a.yaml:1:7)
kbq: bad/dup-id/b.yaml:3:7: error: duplicate id 'same' (first defined at bad/dup-id/a.yaml:1:7)
kbq: bad/dup-id/b.yaml:3:7: error: duplicate id 'same' (first defined at bad/dup-id/a.yaml:1:7)
kbq: bad/dup-id/b.yaml:3:7: error: duplicate id 'same' (first defined at bad/dup-id/a.yaml:1:7)
kbq: bad/dup-id/b.yaml:3:7: error: duplicate id 'same' (first defined at bad/dup-id/a.yaml:1:7)
--- status 0
