# grep -i -F: a case-insensitive literal: "S." only in "darkness." and "sex.", where the regex s. matches dozens of values (grep-icase-regex)
$ kbq --kb library grep -i -F 'S.'
--- stdout
library/books.yaml:56:10:left-hand.summary: An envoy visits the planet Gethen,\nwhere people have no fixed sex.\n\n"Light is the left hand of darkness."\n
--- status 0
