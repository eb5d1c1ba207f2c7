# --limit 0 prints nothing and exits 1, as grep -m 0 does (SPEC is silent)
$ kbq --kb library books --limit 0 -o id
--- stdout
--- status 1
