# rm of a record holding an anchor that others alias is refused
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb rm --force base-ctl; s=$?; $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb; exit $s
--- stderr
kbq: kb/anchors.yaml:2:3: error: the change would remove anchor '&defaults', used by 1 alias: edit the file by hand
--- status 2
