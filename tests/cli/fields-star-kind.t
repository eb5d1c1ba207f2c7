# --fields '*' for a kind: id, kind, then the kind's fields in schema order, common ones first, absent or not
$ kbq --kb garden beds --fields '*' -o tsv
--- stdout
id	kind	name	tags	site	keeper
b-north-1	bed	North 1		north	tom
b-north-2	bed	North 2		north	ada
b-south	bed	South		south	
b-glass	bed	Glasshouse		greenhouse	ines
--- status 0
