# schema with an unknown kind: error with a suggestion, exit 2
$ kbq --kb library schema boks
--- stdout
--- stderr
kbq: error: unknown kind 'boks' (did you mean 'books'?)
--- status 2
