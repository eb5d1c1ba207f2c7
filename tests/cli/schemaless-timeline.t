# schema-less timeline: the fields whose every value is a date in that record (since: soon is not one); SPEC is silent on how a schema-less KB finds its dates, so this pins the current guess, under which a 4-digit radius reads as a year
$ kbq --kb plain timeline -o tsv
--- stdout
date	kind	id	field	name
1737	moon	luna	radius	Moon
1877-08-12	moon	deimos	discovered	Deimos
1877-08-18	moon	phobos	discovered	Phobos
1975-08-20	probe	viking-1	since	Viking 1
1982-11-13	probe	viking-1	until	Viking 1
2020-07-23	probe	tianwen-1	since	天问一号
3390	planet	mars	radius	Mars
6371	planet	earth	radius	Earth
--- status 0
