# a date that does not exist, and a ref to no record: both reported, refused
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb set lutnick born=2025-02-30 country=nowhere; s=$?; $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb; exit $s
--- stderr
kbq: kb/actors.yaml:38:12: error: dangling ref 'nowhere' in field 'country'
kbq: kb/actors.yaml:39:9: error: bad date '2025-02-30' in field 'born': not a date (YYYY, YYYY-MM or YYYY-MM-DD, a day that exists)
kbq: error: the change is refused (2 problems); nothing was written
--- status 2
