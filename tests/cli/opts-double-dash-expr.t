# after "--", an option-looking word is an expression word (and an error as a term); before it, the same word is an option
$ kbq --kb library books -- genre=novel -c; echo "status $?"; kbq --kb library books genre=novel -c
--- stdout
status 2
4
--- stderr
kbq: error: '-c' is not a term (FIELD=VALUE, FIELD~REGEX, FIELD?, ~REGEX)
  genre=novel -c
              ^~
--- status 0
