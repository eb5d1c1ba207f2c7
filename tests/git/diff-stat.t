# --stat: the records added, removed and changed per kind (NEW's kind, OLD's
# when removed), kinds in byte order, then the totals; a changed schema is
# said first
$ cd r && kbq diff c01:kb c13:kb --stat; echo "status $?"; kbq diff c01:kb c13:kb --stat kind=control
--- stdout
schema changed (c01:kb/schema.yaml -> c13:kb/schema.yaml)
kind          added  removed  changed
actor         0      0        1
control       0      0        2
event         1      1        0
organization  0      0        1
total         1      1        4
status 1
schema changed (c01:kb/schema.yaml -> c13:kb/schema.yaml)
kind     added  removed  changed
control  0      0        2
total    0      0        2
--- status 1
