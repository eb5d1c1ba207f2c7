# -q prints nothing; the exit status tells (0: a match)
$ kbq --kb library loans status=lost -q
--- stdout
--- status 0
