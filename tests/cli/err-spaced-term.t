# name = x (three words) is an error with a hint: a term is one shell word
$ kbq --kb library find name = x
--- stdout
--- stderr
kbq: error: 'name' is not a term (FIELD=VALUE, FIELD~REGEX, FIELD?, ~REGEX); a term is one shell word: write 'name=value', not 'name = value'
  name = x
  ^~~~
--- status 2
