# mistakes in the words themselves: the word underlined, nothing read further
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb set us id=usa; kbq --kb kb set lutnick name+=x; kbq --kb kb set usa name=x; kbq --kb kb set us name=a name=b; kbq --kb kb set us name; s=$?; $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb; exit $s
--- stderr
kbq: error: an id is changed with 'kbq mv OLD NEW', which also rewrites the refs to it
  us id=usa
     ^
kbq: error: field 'name' of kind 'actor' holds one value: '+=' and '-=' work on lists
  lutnick name+=x
          ^
kbq: error: no record 'usa' (did you mean 'us'?)
  usa name=x
  ^
kbq: error: field 'name' of kind 'actor' holds one value, not 2
  us name=a name=b
     ^
kbq: error: 'set' needs assignments after the ids (FIELD=VALUE, FIELD+=VALUE, FIELD-=VALUE, FIELD=)
--- status 2
