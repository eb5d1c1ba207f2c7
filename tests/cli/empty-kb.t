# an empty KB (only empty files) is valid: queries exit 1, validate 0
$ kbq --kb empty find; echo "find $?"; kbq --kb empty find -o json; echo "json $?"; kbq --kb empty find -c; echo "count $?"; kbq --kb empty validate; echo "validate $?"; kbq --kb empty stats; echo "stats $?"
--- stdout
find 1
[]
json 1
0
count 1
validate 0
0 records
stats 1
--- status 0
