# a term with no field name before its operator is an error
$ kbq --kb library books '=novel'
--- stdout
--- stderr
kbq: error: missing field name before '='
  =novel
  ^
--- status 2
