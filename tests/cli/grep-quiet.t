# grep -q: nothing printed, exit 0 on a match
$ kbq --kb library grep -q Gethen
--- stdout
--- status 0
