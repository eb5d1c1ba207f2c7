# -c with no match prints 0 and exits 1
$ kbq --kb library books language=fr -c
--- stdout
0
--- status 1
