# --count-by: an unknown path is an error with a suggestion; it does not go with --fields, --sort or -o id; a path named 'count' would clash with the count
$ kbq --kb garden tasks --count-by tpye; echo "exit $?"; kbq --kb garden tasks --count-by type --fields id; echo "exit $?"; kbq --kb garden tasks --count-by type --sort date; echo "exit $?"; kbq --kb garden tasks --count-by type -o id; echo "exit $?"; kbq --kb garden tasks --count-by type,type; echo "exit $?"; kbq --kb garden tasks --count-by ''; echo "exit $?"; kbq --kb garden timeline --count-by type; echo "exit $?"
--- stdout
exit 2
exit 2
exit 2
exit 2
exit 2
exit 2
exit 2
--- stderr
kbq: error: --count-by 'tpye': unknown field 'tpye' (did you mean 'type'?)
kbq: error: --count-by does not go with --fields (the rows hold the paths and their count)
kbq: error: --count-by does not go with --sort (the rows come most frequent first; --reverse puts the least frequent first)
kbq: error: --count-by does not go with -o id (there are no ids to print)
kbq: error: --count-by names 'type' twice
kbq: error: --count-by is empty
kbq: error: option '--count-by' does not apply to 'timeline'
Try 'kbq timeline -h' for more information.
--- status 0
