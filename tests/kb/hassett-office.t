# which office Kevin Hassett holds (the article says "Council of Economic Advisers (NEC)")
$ kbq actors id=hassett --fields name,roles,member_of.name -o tsv
--- stdout
name	roles	member_of.name
Kevin Hassett	Director of the National Economic Council	National Economic Council
--- status 0
