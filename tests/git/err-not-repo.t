# outside a git repository REV:PATH is an error that says so, exit 2; so is
# kbq log of a directory that no repository holds
$ cd "$SCRATCH" && mkdir kb && export GIT_CEILING_DIRECTORIES="$(dirname "$SCRATCH")" && kbq --kb HEAD:kb find; echo "status $?"; kbq diff HEAD:kb kb; echo "status $?"; kbq log --kb kb; echo "status $?"
--- stdout
status 2
status 2
status 2
--- stderr
kbq: HEAD:kb: error: not a git repository (REV:PATH reads the repository of the current directory)
kbq: HEAD:kb: error: not a git repository (REV:PATH reads the repository of the current directory)
kbq: kb: error: not in a git repository
