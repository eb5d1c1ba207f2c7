# help for an unknown command is an error with a suggestion
$ kbq --kb library help graep
--- stdout
--- stderr
kbq: error: unknown command 'graep' (did you mean 'grep'?)
Try 'kbq help' for more information.
--- status 2
