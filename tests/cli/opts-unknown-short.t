# an unknown short option is an error
$ kbq --kb library books -x
--- stdout
--- stderr
kbq: error: unknown option '-x'
Try 'kbq help' for more information.
--- status 2
