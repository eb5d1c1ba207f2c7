# an unknown command is an error with a suggestion among commands and the KB's plurals, exit 2
$ kbq --kb library lonas
--- stdout
--- stderr
kbq: error: unknown command 'lonas' (did you mean 'loans'?)
Try 'kbq help' for more information.
--- status 2
