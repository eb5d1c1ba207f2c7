# a record without an end (loan-2: since 2024-03) stays in force from its start on; before its start it is not
$ kbq --kb library loans id=loan-2 --as-of 2099 -o id; kbq --kb library loans id=loan-2 --as-of 2024-02 -o id; echo "status $?"
--- stdout
loan-2
status 1
--- status 0
