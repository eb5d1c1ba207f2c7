# an unclosed parenthesis is an error pointing at the (
$ kbq --kb library find '(' kind=book or kind=loan
--- stdout
--- stderr
kbq: error: '(' is never closed
  ( kind=book or kind=loan
  ^
--- status 2
