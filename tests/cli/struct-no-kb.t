# a KB path that does not exist: exit 2
$ kbq --kb no-such-dir find
--- stdout
--- stderr
kbq: no-such-dir: error: cannot read: No such file or directory
--- status 2
