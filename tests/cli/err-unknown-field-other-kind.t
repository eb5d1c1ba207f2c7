# an unknown field that other kinds have says which, so that 'books city=x' points at publishers; with a close name the suggestion comes first
$ kbq --kb library books city=Oslo; kbq --kb library authors date=2024; kbq --kb library loans venue=x; kbq --kb library loans borower=x
--- stderr
kbq: error: unknown field 'city' (a field of publisher)
  city=Oslo
  ^~~~
kbq: error: unknown field 'date' (a field of exhibition)
  date=2024
  ^~~~
kbq: error: unknown field 'venue' (a field of exhibition)
  venue=x
  ^~~~~
kbq: error: unknown field 'borower' (did you mean 'borrower'?)
  borower=x
  ^~~~~~~
--- status 2
