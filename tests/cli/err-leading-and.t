# an expression that starts with "and" is an error
$ kbq --kb library books and genre=novel
--- stdout
--- stderr
kbq: error: unexpected 'and' where a term was expected
  and genre=novel
  ^~~
--- status 2
