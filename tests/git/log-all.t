# every commit that changed a record, newest first: not c03 (a move), c04 (a
# reformat), c07 (the README only) or c08 (the schema only); -o id prints
# commit ids, -c counts commits, -q prints nothing; exit 0 when a commit
# was found, 1 when none
$ cd r && kbq log --kb kb -o id | sed -f ../r.names; kbq log --kb kb -c; kbq log --kb kb -q; echo "status $?"; kbq log --kb kb id=nosuch; echo "status $?"; kbq log --kb kb id=nosuch -o json; kbq log --kb kb id=nosuch -c
--- stdout
c13
c12
c11
c10
c09
c06
c05
c02
c01
9
status 0
status 1
[]
0
--- status 1
