# an unknown option is an error with a suggestion, exit 2
$ kbq --kb library find --revers
--- stdout
--- stderr
kbq: error: unknown option '--revers' (did you mean '--reverse'?)
Try 'kbq find -h' for more information.
--- status 2
