# --color takes its value after '=': '--color always' is an error that says how to write it, not "unknown command 'always'"
$ kbq --kb library --color always books
--- stderr
kbq: error: option '--color' takes its value after '=': write '--color=always'
Try 'kbq help' for more information.
--- status 2
