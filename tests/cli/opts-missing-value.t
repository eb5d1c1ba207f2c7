# an option missing its value is an error
$ kbq --kb library books --sort
--- stdout
--- stderr
kbq: error: option '--sort' needs a value (PATH)
Try 'kbq help' for more information.
--- status 2
