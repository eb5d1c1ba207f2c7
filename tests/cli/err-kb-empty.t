# --kb '' names no KB: an error that says what --kb takes, not an unnamed path
$ kbq --kb '' find
--- stderr
kbq: error: --kb names no path (a directory, a file, - for standard input, or REV:PATH)
--- status 2
