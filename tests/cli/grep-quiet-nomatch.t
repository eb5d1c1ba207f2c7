# grep -q with no match: nothing printed, exit 1
$ kbq --kb library grep -q zzz; echo "status $?"
--- stdout
status 1
--- status 0
