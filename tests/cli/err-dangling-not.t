# an expression that ends after "not" is an error
$ kbq --kb library books genre=novel not
--- stdout
--- stderr
kbq: error: expression ends where a term was expected
  genre=novel not
                 ^
--- status 2
