# grep -c: the number of matching values (not records)
$ kbq --kb library grep -c Tales
--- stdout
5
--- status 0
