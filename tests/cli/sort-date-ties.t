# --sort on a date field (ties-schema.yaml): by start, then end, then file order; --reverse turns start and end round, equal dates keep file order
$ kbq --kb ties.yaml --schema ties-schema.yaml find --sort date -o id; echo --; kbq --kb ties.yaml --schema ties-schema.yaml find --sort date --reverse -o id
--- stdout
b
e
a
f
c
d
--
c
d
f
a
b
e
--- status 0
