# a KB that is one file (REV:PATH of a file, or a file on disk) against
# another one, or against the directory: records are paired by id
# whatever file holds them; one file has no schema
$ cd r && kbq diff c01:kb/controls.yaml c02:kb/controls.yaml; kbq diff c13:kb/controls.yaml kb/controls.yaml; echo "status $?"; kbq diff c02:kb/controls.yaml c02:kb -o id; echo "status $?"
--- stdout
~ ctl-a (control) c02:kb/controls.yaml:1:3
  ~ status: announced -> in-force
status 0
us
cn
eu
ev1
status 1
