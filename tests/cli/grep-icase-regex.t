# grep -i without -F: the same pattern is a regex and matches far more values
$ kbq --kb library grep -i -c 'S.'
--- stdout
43
--- status 0
