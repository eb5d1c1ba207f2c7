# removing a required field is refused
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb set lutnick type=; s=$?; $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb; exit $s
--- stderr
kbq: kb/actors.yaml:34:3: error: record 'lutnick' lacks required field 'type'
kbq: error: the change is refused (1 problem); nothing was written
--- status 2
