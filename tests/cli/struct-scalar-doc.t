# a document that is a scalar is not a record: error
$ kbq --kb bad/scalar-doc.yaml stats
--- stdout
--- stderr
kbq: bad/scalar-doc.yaml:2:5: error: document is not a record or a list of records
--- status 2
