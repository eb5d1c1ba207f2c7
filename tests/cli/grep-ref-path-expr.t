# grep REGEX EXPR with a ref path in EXPR
$ kbq --kb library grep '^[0-9]+$' 'authors.country=JP'
--- stdout
library/books.yaml:10:8:kokoro.pages: 325
library/books.yaml:19:12:cat.published: 1905
--- status 0
