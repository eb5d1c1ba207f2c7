# a value that comes from a merge key is refused, pointing where to edit it;
# nothing is written
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb set merged-ctl status=lifted; s=$?; $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb; exit $s
--- stderr
kbq: kb/anchors.yaml:7:11: error: field 'status' of 'merged-ctl' comes from a merge key ('<<'): edit it here, where every record that merges it changes too
--- status 2
