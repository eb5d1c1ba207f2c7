# a path the revision does not hold is an error, exit 2; so is a path that
# leaves the repository, and a word with no revision before the ':' (the
# index is not read)
$ cd r && kbq --kb HEAD:nope find; echo "status $?"; kbq --kb c01:kb/cn.yaml find; echo "status $?"; kbq --kb HEAD:../kb find; echo "status $?"; kbq --kb :kb/x find; echo "status $?"; kbq log --kb c01:kb/cn.yaml; echo "status $?"
--- stdout
status 2
status 2
status 2
status 2
status 2
--- stderr
kbq: HEAD:nope: error: cannot read: no 'nope' in revision 'HEAD'
kbq: c01:kb/cn.yaml: error: cannot read: no 'kb/cn.yaml' in revision 'c01'
kbq: HEAD:../kb: error: path '../kb' is outside the repository
kbq: :kb/x: error: no revision before ':' (REV:PATH, e.g. HEAD:kb; the index is not read)
kbq: c01:kb/cn.yaml: error: cannot read: no 'kb/cn.yaml' in revision 'c01'
