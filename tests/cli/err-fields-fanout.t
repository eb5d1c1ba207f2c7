# a --fields path that fans out past the bound is an error at the record,
# not a silently shortened list; the rows before it stay whole, and the
# record's own row is not begun (no torn line), exit 2
$ kbq --kb fanout.yaml find --fields id,f.f.f.f.f.f.f.f.name -o tsv
--- stdout
id	f.f.f.f.f.f.f.f.name
--- stderr
kbq: fanout.yaml:3:3: error: path 'f.f.f.f.f.f.f.f.name' from record 'a' reaches too many records
--- status 2
