# a value that comes from an alias is refused, pointing at its anchor
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb set alias-ctl imposed_by=us; s=$?; $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb; exit $s
--- stderr
kbq: kb/anchors.yaml:6:15: error: field 'imposed_by' of 'alias-ctl' comes from an alias: edit it here, where every record that aliases it changes too
--- status 2
