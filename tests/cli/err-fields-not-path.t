# a --fields, --sort or --count-by item that holds an operator is no path (it is not read as a term); an empty --sort is an error
$ kbq --kb library books --fields 'id,name=x'; kbq --kb library books --sort '^authors'; kbq --kb library books --count-by '~x'; kbq --kb library books --sort ''
--- stderr
kbq: error: --fields 'name=x': not a field path (FIELD or FIELD.FIELD...)
kbq: error: --sort '^authors': not a field path (FIELD or FIELD.FIELD...)
kbq: error: --count-by '~x': not a field path (FIELD or FIELD.FIELD...)
kbq: error: --sort is empty
--- status 2
