# a KB that cannot be read says so before an unknown command is blamed
$ kbq --kb bad/dup-id books
--- stderr
kbq: bad/dup-id/b.yaml:3:7: error: duplicate id 'same' (first defined at bad/dup-id/a.yaml:1:7)
--- status 2
