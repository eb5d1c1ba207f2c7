# grep without a regex is a usage error, exit 2
$ kbq --kb library grep
--- stdout
--- stderr
kbq: error: 'grep' needs REGEX [EXPR...]
usage: kbq grep [OPTIONS] REGEX [EXPR...]
Try 'kbq grep -h' for more information.
--- status 2
