# after a ref, the fields of the kinds the ref may point to: authors.city is unknown (city is a publisher field), underlined in its word
$ kbq --kb library books authors.city=x
--- stdout
--- stderr
kbq: error: unknown field 'city' (a field of publisher)
  authors.city=x
          ^~~~
--- status 2
