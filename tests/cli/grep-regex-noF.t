# grep without -F: the same pattern as a regex, case-sensitive
$ kbq --kb library grep 'K. ?Le'
--- stdout
library/authors.yaml:43:9:leguin.name: Ursula K. Le Guin
--- status 0
