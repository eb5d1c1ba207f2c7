# validate -o json on a structural error: the diagnostic in the JSON array on stdout, exit 2
$ kbq --kb bad/syntax.yaml validate -o json
--- stdout
[
  {"file":"bad/syntax.yaml","line":4,"col":6,"id":null,"severity":"fatal","message":"yaml: did not find expected ',' or ']' (while parsing a flow sequence at 3:7)"}
]
--- status 2
