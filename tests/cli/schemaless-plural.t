# a schema-less KB has no plurals: only the built-in commands
$ kbq --kb plain planets
--- stdout
--- stderr
kbq: error: unknown command 'planets'; see 'kbq help'
--- status 2
