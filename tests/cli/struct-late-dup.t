# a duplicate id found after output has begun (find -o id streams): the error on stderr, exit 2: the status is the truth
$ kbq --kb bad/late-dup find -o id
--- stdout
rec-1
rec-2
rec-3
--- stderr
kbq: bad/late-dup/records.yaml:7:7: error: duplicate id 'rec-1' (first defined at bad/late-dup/records.yaml:1:7)
--- status 2
