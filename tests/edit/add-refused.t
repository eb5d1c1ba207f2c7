# add refused: an id taken, an unknown kind, a required field missing, no id,
# a file outside the KB; nothing written
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb add actor id=us name=x type=body; kbq --kb kb add actr id=x name=x; kbq --kb kb add actor id=x name=X; kbq --kb kb add actor name=X; kbq --kb kb add actor id=x name=X type=body --file other.yaml; s=$?; $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb; exit $s
--- stderr
kbq: error: id 'us' is taken (by the record at kb/actors.yaml:6:3)
  actor id=us name=x type=body
        ^
kbq: error: unknown kind 'actr' (did you mean 'actor'?)
  actr id=x name=x
  ^
kbq: kb/actors.yaml:47:3: error: record 'x' lacks required field 'type'
kbq: error: the change is refused (1 problem); nothing was written
kbq: error: a new record needs its id: 'id=ID'
kbq: error: other.yaml is not inside the KB kb
--- status 2
