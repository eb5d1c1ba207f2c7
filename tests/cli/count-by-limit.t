# --count-by with --limit keeps the first rows; -c counts the rows (after --limit); --reverse puts the fewest first, ties still by value
$ kbq --kb garden tasks --count-by type --limit 2 -o tsv; kbq --kb garden tasks --count-by type -c; kbq --kb garden tasks --count-by type -c --limit 3; kbq --kb garden tasks --count-by type --reverse -o tsv
--- stdout
type	count
sowing	2
weeding	2
4
3
type	count
harvest	1
pruning	1
sowing	2
weeding	2
--- status 0
