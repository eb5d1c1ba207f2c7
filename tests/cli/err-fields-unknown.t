# --fields and --sort paths are checked like terms: an unknown field is an error with a suggestion, exit 2
$ kbq --kb library books --fields id,pags -o tsv; kbq --kb library books --sort publisher.nam
--- stdout
--- stderr
kbq: error: --fields 'pags': unknown field 'pags' (did you mean 'tags'?)
kbq: error: --sort 'publisher.nam': unknown field 'nam' (did you mean 'name'?)
--- status 2
