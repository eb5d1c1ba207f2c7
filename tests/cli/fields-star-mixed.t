# '*' among other paths stands for the fields the list does not name elsewhere; --limit decides the records printed, so the union (beds.yaml is read first); schema-less the same
$ kbq --kb garden gardeners --fields 'name,*,mentor.name' -o tsv --limit 2; kbq --kb garden find --fields '*' --limit 1 -o json; kbq --kb plain find kind=moon --fields '*' -o tsv
--- stdout
name	id	kind	tags	role	mentor	skills	mentor.name
Ines	ines	gardener		head		pruning;grafting	
Tom	tom	gardener		volunteer	ines	weeding	Ines
[
{"id":"b-north-1","kind":"bed","name":"North 1","site":"north","keeper":"tom"}
]
id	kind	name	orbits	radius	discovered
luna	moon	Moon	earth	1737	
phobos	moon	Phobos	mars	11	1877-08-18
deimos	moon	Deimos	mars	6	1877-08-12
--- status 0
