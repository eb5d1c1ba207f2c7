# loading stops at the first structural error: bad/ holds many broken files, and validate reports only the first in path order (bad-schema/schema.yaml is not the root schema, so it is read as records)
$ kbq --kb bad validate; echo "status $?"; kbq --kb bad validate -o json
--- stdout
status 2
[
  {"file":"bad/bad-schema/schema.yaml","line":2,"col":3,"id":null,"severity":"fatal","message":"field 'kinds' holds a nested mapping"}
]
--- stderr
kbq: bad/bad-schema/schema.yaml:2:3: error: field 'kinds' holds a nested mapping
--- status 2
