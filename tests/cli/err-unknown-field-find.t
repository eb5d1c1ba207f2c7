# find accepts the fields of every kind, and suggests among them all
$ kbq --kb library find borower~Li
--- stdout
--- stderr
kbq: error: unknown field 'borower' (did you mean 'borrower'?)
  borower~Li
  ^~~~~~~
--- status 2
