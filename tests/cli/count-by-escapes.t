# --count-by values are escaped as each format says: text and tsv write the tab as \t, json as \t, csv carries it raw; a ';' in a value is no list separator here
$ kbq --kb garden gardeners --count-by skills; kbq --kb garden gardeners --count-by skills -o tsv | tail -2; kbq --kb garden gardeners --count-by skills -o json | grep tab; kbq --kb garden gardeners --count-by skills -o csv | tr '\t\r' TR | grep -e tab -e compost
--- stdout
skills          count
                2
weeding         2
compost; worms  1
grafting        1
pruning         1
sowing          1
tab\there       1
sowing	1
tab\there	1
{"skills":"tab\there","count":1}
compost; worms,1R
tabThere,1R
--- status 0
