# too few or too many arguments name what the command takes
$ kbq --kb library show; echo "status $?"; kbq --kb library schema book author; echo "status $?"; kbq --kb library stats now
--- stdout
status 2
status 2
--- stderr
kbq: error: 'show' needs ID...
usage: kbq show [OPTIONS] ID...
Try 'kbq show -h' for more information.
kbq: error: 'schema' takes at most 1 argument ([KIND])
usage: kbq schema [OPTIONS] [KIND]
Try 'kbq schema -h' for more information.
kbq: error: 'stats' takes no arguments
usage: kbq stats [OPTIONS]
Try 'kbq stats -h' for more information.
--- status 2
