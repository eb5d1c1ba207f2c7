# a malformed schema refuses the KB at its position, exit 2
$ kbq --kb bad/bad-schema find
--- stdout
--- stderr
kbq: bad/bad-schema/schema.yaml:5:20: error: unknown type 'colour'
--- status 2
