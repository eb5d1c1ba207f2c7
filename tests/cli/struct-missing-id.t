# a record without id is an error at the record
$ kbq --kb bad/missing-id.yaml find
--- stdout
--- stderr
kbq: bad/missing-id.yaml:3:3: error: record has no 'id'
--- status 2
