# a record without kind is an error at the record
$ kbq --kb bad/missing-kind.yaml show one
--- stdout
--- stderr
kbq: bad/missing-kind.yaml:3:3: error: record 'two' has no 'kind'
--- status 2
