# -0 goes with -o id only; alone it implies -o id
$ kbq --kb library books -0 -o json; echo "status $?"; kbq --kb library loans -0 | tr '\0' '\n'
--- stdout
status 2
loan-1
loan-2
loan-3
loan-4
loan-5
--- stderr
kbq: error: -0/--null goes with -o id
--- status 0
