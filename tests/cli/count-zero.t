# -c with no match prints 0 and exits 1 (poetry is a genre of the enum that no book has)
$ kbq --kb library books genre=poetry -c
--- stdout
0
--- status 1
