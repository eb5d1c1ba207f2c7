# an error in the expression is the same whatever the output format (nothing on stdout, even for -o json)
$ kbq --kb library find -o json 'venu=x'
--- stdout
--- stderr
kbq: error: unknown field 'venu' (did you mean 'venue'?)
  venu=x
  ^~~~
--- status 2
