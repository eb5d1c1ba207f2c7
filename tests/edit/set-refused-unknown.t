# an unknown field is a validate error in the record as it would be: refused,
# with the suggestion, and nothing written
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb set us tagz=x; s=$?; $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb; exit $s
--- stderr
kbq: kb/actors.yaml:12:3: error: unknown field 'tagz' in kind 'actor' (did you mean 'tags'?)
kbq: error: the change is refused (1 problem); nothing was written
--- status 2
