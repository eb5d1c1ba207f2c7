# id is not a ref: it cannot be followed
$ kbq --kb library books id.name=x
--- stdout
--- stderr
kbq: error: field 'id' is not a ref: it cannot be followed
  id.name=x
  ^~
--- status 2
