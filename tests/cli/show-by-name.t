# show: an argument that is no id is looked up among names and aliases, case ignored (SPEC 2): one record is shown; several are an error listing their ids; none is an error with a suggestion over ids, names and aliases
$ kbq --kb library show 'Karen Blixen' -o id; kbq --kb library show 'isak dinesen' kokoro -o id; kbq --kb homonyms.yaml show 'countess of LOVELACE' -o id; kbq --kb homonyms.yaml show 'li wei'; echo "status $?"; kbq --kb homonyms.yaml show 'Ada Lovelase'; echo "status $?"
--- stdout
blixen
blixen
kokoro
p3
status 2
status 2
--- stderr
kbq: error: 'li wei' is the name of 2 records: 'p1', 'p2'; show them by id
kbq: error: unknown id or name 'Ada Lovelase' (did you mean 'p3' (Ada Lovelace)?)
--- status 0
