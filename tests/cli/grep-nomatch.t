# grep: no match is exit 1 with nothing printed
$ kbq --kb library grep zzz-nothing
--- stdout
--- status 1
