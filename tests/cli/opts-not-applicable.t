# an option that does not apply to a command is an error, exit 2
$ kbq --kb library stats --sort name; kbq --kb library show kokoro --limit 1
--- stdout
--- stderr
kbq: error: option '--sort' does not apply to 'stats'
Try 'kbq stats -h' for more information.
kbq: error: option '--limit' does not apply to 'show'
Try 'kbq show -h' for more information.
--- status 2
