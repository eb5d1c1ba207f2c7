# a bad regex in a bare ~REGEX term: PCRE2's message and offset, underlined under the offending character
$ kbq --kb library find genre=novel '~a[b'
--- stdout
--- stderr
kbq: error: bad regex: missing terminating ] for character class at offset 3
  genre=novel ~a[b
                  ^
--- status 2
