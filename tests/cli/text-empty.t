# a text listing with no match prints nothing, not even the header, and exits 1
$ kbq --kb library books genre=poetry; echo "status $?"; kbq --kb library books genre=poetry -o tsv; echo "status $?"
--- stdout
status 1
id	name	authors	genre
status 1
--- status 0
