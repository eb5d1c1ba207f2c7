# a bad regex is an error with PCRE2's message and offset, underlined
$ kbq --kb library find 'name~(a|b'
--- stdout
--- stderr
kbq: error: bad regex: missing closing parenthesis at offset 4
  name~(a|b
           ^
--- status 2
