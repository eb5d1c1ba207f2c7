# --count-by with two paths: a row per combination; t5 has no status and counts under an empty value; ties by the first path, then the second
$ kbq --kb garden tasks --count-by type,status -o tsv
--- stdout
type	status	count
weeding	done	2
harvest	planned	1
pruning		1
sowing	done	1
sowing	planned	1
--- status 0
