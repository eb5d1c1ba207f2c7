# rm of a record that others refer to is refused, listing who refers
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb rm us; s=$?; $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb; exit $s
--- stderr
kbq: kb/actors.yaml:38:12: error: 'lutnick' refers to 'us' in field 'country' (rm --force removes 'us' anyway)
kbq: kb/controls.yaml:2:62: error: 'ctl-b' refers to 'us' in field 'imposed_by' (rm --force removes 'us' anyway)
kbq: kb/controls.yaml:4:29: error: 'ctl-c' refers to 'us' in field 'imposed_by' (rm --force removes 'us' anyway)
kbq: error: the change is refused (3 problems); nothing was written
--- status 2
