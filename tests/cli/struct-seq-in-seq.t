# a list inside a list is an error at its position
$ kbq --kb bad/seq-in-seq.yaml find
--- stdout
--- stderr
kbq: bad/seq-in-seq.yaml:3:10: error: list 'tags' holds a list inside a list
--- status 2
