# --count-by when nothing matches: text prints nothing, tsv its header, json an empty array; exit 1; -q prints nothing
$ kbq --kb garden tasks type=pruning status=done --count-by type; echo "exit $?"; kbq --kb garden tasks type=pruning status=done --count-by type -o tsv; echo "exit $?"; kbq --kb garden tasks type=pruning status=done --count-by type -o json; echo "exit $?"; kbq --kb garden tasks --count-by type -q; echo "exit $?"
--- stdout
exit 1
type	count
exit 1
[]
exit 1
exit 0
--- status 0
