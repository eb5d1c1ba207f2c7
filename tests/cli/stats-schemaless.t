# stats on a schema-less KB: kinds in the order met, fields in the order met (this crashed: field_slot moved the array being indexed)
$ kbq --kb plain stats
--- stdout
8 records

probe: 3 records
  field    filled  %
  id       3       100
  kind     3       100
  name     3       100
  target   3       100
  since    3       100
  until    1       33
  aliases  1       33

planet: 2 records
  field   filled  %
  id      2       100
  kind    2       100
  name    2       100
  moons   2       100
  radius  2       100

moon: 3 records
  field       filled  %
  id          3       100
  kind        3       100
  name        3       100
  orbits      3       100
  radius      3       100
  discovered  2       67
--- status 0
