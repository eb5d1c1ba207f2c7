# an empty --fields is an error
$ kbq --kb library books --fields ''
--- stdout
--- stderr
kbq: error: --fields is empty
--- status 2
