# show: the whole record, each ref followed by the name of the record it points to, then "referenced by" with the back-links (record.field and name)
$ kbq --kb library show left-hand
--- stdout
# library/books.yaml:45:1
id:             left-hand
kind:           book
name:           The Left Hand of Darkness
authors:        leguin (Ursula K. Le Guin)
genre:          novel
published:      1969-03
publisher:      ace (Ace Books)
pages:          286
isbn:           9780441478125
language:       en
tags:           science-fiction
                hugo
summary:        An envoy visits the planet Gethen,\nwhere people have no fixed sex.\n\n"Light is the left hand of darkness."\n
referenced by:  loan-2.book (Left Hand to Pat)
--- status 0
