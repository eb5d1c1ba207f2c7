# a duplicate key is an error at the second key, naming where the first one is
$ kbq --kb bad/dup-key.yaml find
--- stdout
--- stderr
kbq: bad/dup-key.yaml:4:1: error: duplicate key 'name' (first at line 3, column 1)
--- status 2
