# -c prints the number of matching records
$ kbq --kb library books language=da -c
--- stdout
3
--- status 0
