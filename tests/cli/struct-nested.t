# a nested mapping is an error at its position
$ kbq --kb bad/nested.yaml find
--- stdout
--- stderr
kbq: bad/nested.yaml:5:3: error: field 'address' holds a nested mapping
--- status 2
