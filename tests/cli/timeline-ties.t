# timeline orders by start, then end, then file order (SPEC 2): 2024-03-01 (ends 1 March) before 2024-03 (ends 31 March); --reverse turns the dates round but rows with the same date keep file order
$ kbq --kb ties.yaml timeline -o id; echo --; kbq --kb ties.yaml timeline --reverse -o id
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
