# ( ) with nothing inside is an error at the )
$ kbq --kb library books '(' ')'
--- stdout
--- stderr
kbq: error: unexpected ')' where a term was expected
  ( )
    ^
--- status 2
