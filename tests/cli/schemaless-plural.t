# a schema-less KB has no plurals: only the built-in commands
$ kbq --kb plain planets
--- stdout
--- stderr
kbq: error: unknown command 'planets'
Try 'kbq help' for more information.
--- status 2
