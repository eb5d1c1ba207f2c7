# validate exits 2 on a structural error, with the diagnostic on stderr
$ kbq --kb bad/dup-id validate
--- stdout
--- stderr
kbq: bad/dup-id/b.yaml:3:7: error: duplicate id 'same' (first defined at bad/dup-id/a.yaml:1:7)
--- status 2
