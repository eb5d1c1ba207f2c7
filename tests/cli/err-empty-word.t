# an empty word is an error
$ kbq --kb library books genre=novel ''
--- stdout
--- stderr
kbq: error: empty word where a term was expected
  genre=novel 
              ^
--- status 2
