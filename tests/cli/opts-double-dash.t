# "--" ends the options: what follows is an argument even when it starts with "-" (here a regex)
$ kbq --kb library grep -c -- '-0[4]-'; kbq --kb library grep -c '-0[4]-'
--- stdout
2
--- stderr
kbq: error: unknown option '-['
Try 'kbq grep -h' for more information.
--- status 2
