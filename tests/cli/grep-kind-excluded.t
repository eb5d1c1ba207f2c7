# grep never searches the kind field (only kind values hold "exhibition")
$ kbq --kb library grep '^exhibition$'
--- stdout
--- status 1
