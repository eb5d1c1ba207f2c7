# the same KB in a text table (buffered): nothing on stdout, the error, exit 2
$ kbq --kb bad/late-dup find
--- stdout
--- stderr
kbq: bad/late-dup/records.yaml:7:7: error: duplicate id 'rec-1' (first defined at bad/late-dup/records.yaml:1:7)
--- status 2
