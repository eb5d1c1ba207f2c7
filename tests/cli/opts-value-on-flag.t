# a flag given a value (--count=yes) is an error
$ kbq --kb library books --count=yes
--- stdout
--- stderr
kbq: error: option '--count' takes no value
Try 'kbq help' for more information.
--- status 2
