# grep with a bad regex: PCRE2's message and offset, underlined
$ kbq --kb library grep 'a{2,1}'
--- stdout
--- stderr
kbq: error: bad regex: numbers out of order in {} quantifier at offset 5
  a{2,1}
       ^
--- status 2
