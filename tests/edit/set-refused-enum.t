# a bad enum value: refused, nothing written
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb set ctl-a status=lifed; s=$?; $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb; exit $s
--- stderr
kbq: kb/controls.yaml:1:82: error: 'lifed' is not a valid 'status' (one of: announced, in-force, lifted) (did you mean 'lifted'?)
kbq: error: the change is refused (1 problem); nothing was written
--- status 2
