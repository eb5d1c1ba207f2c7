# a revision git does not know is an error naming it, exit 2; log wants a
# commit, not a tree
$ cd r && kbq --kb nosuch:kb find; echo "status $?"; kbq diff c01:kb 'c99:kb'; echo "status $?"; kbq log --kb 'c01^{tree}:kb'; echo "status $?"; kbq --kb 'c01^{tree}:kb' find -c
--- stdout
status 2
status 2
status 2
6
--- stderr
kbq: nosuch:kb: error: unknown revision 'nosuch'
kbq: c99:kb: error: unknown revision 'c99'
kbq: c01^{tree}:kb: error: unknown revision 'c01^{tree}' (or not a commit)
