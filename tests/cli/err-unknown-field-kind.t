# a per-kind command accepts only its kind's fields (borrower is a loan field, not a book field)
$ kbq --kb library books borrower=x
--- stdout
--- stderr
kbq: error: unknown field 'borrower' (a field of loan)
  borrower=x
  ^~~~~~~~
--- status 2
