# --count-by with one path: a row per value, most frequent first, ties (2 and 2, 1 and 1) ordered by value
$ kbq --kb garden tasks --count-by type
--- stdout
type     count
sowing   2
weeding  2
harvest  1
pruning  1
--- status 0
