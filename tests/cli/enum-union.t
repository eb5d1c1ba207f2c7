# an enum value is checked against the union of the values of the kinds a command covers: doors take open and shut only; find takes the values of doors and drafts when those are the only kinds, and any value when notes declare the field a string
$ K='kbq --kb enums.yaml --schema enums-schema.yaml'; $K doors state=shut -o id; $K doors state=final; $K drafts state=final -o id; $K find state=final -o id; $K find state=whatever -o id; $K notes state=anything -c; sed /note/d enums.yaml | kbq --kb - --schema enums-only-schema.yaml find state=final -o id; sed /note/d enums.yaml | kbq --kb - --schema enums-only-schema.yaml find state=whatever
--- stdout
d2
p1
p1
n1
0
p1
--- stderr
kbq: error: 'final' is not a value of 'state'
  state=final
        ^~~~~
kbq: error: 'whatever' is not a value of 'state'
  state=whatever
        ^~~~~~~~
--- status 2
