# validate -q: nothing printed; the status tells (1: problems)
$ kbq --kb problems validate -q
--- stdout
--- status 1
