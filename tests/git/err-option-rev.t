# a revision that looks like an option is a revision git does not know,
# never an option: no file x or y is written (--kb, diff's operands after
# --, log)
$ cp -r r "$SCRATCH/r" && cd "$SCRATCH/r" && kbq --kb '--output=x:kb' find; echo "status $?"; kbq diff -- '--output=y:kb' kb; echo "status $?"; kbq log --kb '--output=x:kb'; echo "status $?"; kbq --kb '-h:kb' find; echo "status $?"; git status --porcelain --untracked-files=all; test -e x || echo "no x"; test -e y || echo "no y"
--- stdout
status 2
status 2
status 2
status 2
no x
no y
--- stderr
kbq: --output=x:kb: error: unknown revision '--output=x'
kbq: --output=y:kb: error: unknown revision '--output=y'
kbq: --output=x:kb: error: unknown revision '--output=x' (or not a commit)
kbq: -h:kb: error: unknown revision '-h'
