# --limit wants a number of 0 or more
$ kbq --kb library books --limit -1; kbq --kb library books --limit ten
--- stdout
--- stderr
kbq: error: --limit wants a number of 0 or more, not '-1'
Try 'kbq help' for more information.
kbq: error: --limit wants a number of 0 or more, not 'ten'
Try 'kbq help' for more information.
--- status 2
