# a YAML syntax error refuses the KB: libyaml's problem and context, both positions, exit 2, nothing on stdout
$ kbq --kb bad/syntax.yaml find
--- stdout
--- stderr
kbq: bad/syntax.yaml:4:6: error: yaml: did not find expected ',' or ']' (while parsing a flow sequence at 3:7)
--- status 2
