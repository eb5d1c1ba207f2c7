# a duplicate key is an error at the second key
$ kbq --kb bad/dup-key.yaml find
--- stdout
--- stderr
kbq: bad/dup-key.yaml:4:1: error: duplicate key 'name'
--- status 2
