# a ) with no ( is an error
$ kbq --kb library find kind=book ')'
--- stdout
--- stderr
kbq: error: unexpected ')' (no '(' to close)
  kind=book )
            ^
--- status 2
