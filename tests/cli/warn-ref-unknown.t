# a ref compared with = to an id no record has: the query's answer and status, then a warning on stderr with a suggestion by name, alias or id (SPEC 2); -q silences it; a pipe cannot be read again, so from --kb - the warning has no suggestion; a KB that is books.yaml alone has no author to suggest
$ kbq --kb library books authors=Blixen -c; echo "status $?"; kbq --kb library books 'authors=isak dinesen' 'authors.name~K' -o id; kbq --kb library books authors=blixn -q; echo "status $?"; kbq --kb library books authors=blixen -c; kbq --kb library/books.yaml --schema library/schema.yaml books authors=Blixen -c; cat library/books.yaml | kbq --kb - --schema library/schema.yaml books authors=Blixen -c; kbq --kb homonyms.yaml --schema homonyms-schema.yaml talks 'speaker=li wei' 'speaker=ADA' -c
--- stdout
0
status 1
status 1
3
0
0
0
--- stderr
kbq: warning: authors=Blixen: no record has id 'Blixen' (did you mean 'blixen' (Karen Blixen)?)
kbq: warning: authors=isak dinesen: no record has id 'isak dinesen' (did you mean 'blixen' (Karen Blixen)?)
kbq: warning: authors=Blixen: no record has id 'Blixen'
kbq: warning: authors=Blixen: no record has id 'Blixen'
kbq: warning: speaker=li wei: no record has id 'li wei' (2 records are called 'li wei', e.g. 'p1')
kbq: warning: speaker=ADA: no record has id 'ADA' (did you mean 'p3' (Ada Lovelace)?)
--- status 1
