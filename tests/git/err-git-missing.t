# without git on PATH, a REV:PATH KB and kbq log are errors that say so,
# exit 2; a KB on disk still reads
$ cd r && mkdir "$SCRATCH/bin" && ln -s "$(command -v kbq)" "$SCRATCH/bin/kbq" && export PATH="$SCRATCH/bin" && kbq --kb HEAD:kb find; echo "status $?"; kbq diff HEAD:kb kb; echo "status $?"; kbq log --kb kb; echo "status $?"; kbq --kb kb find -c
--- stdout
status 2
status 2
status 2
6
--- stderr
kbq: HEAD:kb: error: cannot run git: not found on PATH (kbq reads revisions through the git command)
kbq: HEAD:kb: error: cannot run git: not found on PATH (kbq reads revisions through the git command)
kbq: kb: error: cannot run git: not found on PATH (kbq reads revisions through the git command)
