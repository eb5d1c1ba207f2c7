# mv refused: onto an id that exists, of an id an anchor holds, and when a ref
# to it comes from a merge key; nothing written
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb mv us cn; kbq --kb kb mv held-id held; kbq --kb kb mv cn china; kbq --kb kb mv nobody x; s=$?; $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb; exit $s
--- stderr
kbq: error: id 'cn' is taken (by the record at kb/actors.yaml:13:3)
  us cn
     ^
kbq: kb/anchors.yaml:15:7: error: the id of 'held-id' is held by an anchor: kbq cannot rename it, every alias would change with it
kbq: kb/anchors.yaml:6:15: error: field 'imposed_by' of 'merged-ctl' comes from a merge key ('<<'): edit it here, where every record that merges it changes too
kbq: error: no record 'nobody'
  nobody x
  ^
--- status 2
