# grep: a multi-line value is printed on one line, its breaks as \n; the position is that of the value
$ kbq --kb library grep Gethen
--- stdout
library/books.yaml:56:10:left-hand.summary: An envoy visits the planet Gethen,\nwhere people have no fixed sex.\n\n"Light is the left hand of darkness."\n
--- status 0
