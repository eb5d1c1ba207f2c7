# stats: records per kind (schema order, then kinds met), per value of each enum field, and how often each field is filled
$ kbq --kb library stats
--- stdout
26 records

author: 6 records
  field    filled  %
  id       6       100
  kind     6       100
  name     6       100
  aliases  5       83
  notes    2       33
  tags     2       33
  born     6       100
  died     5       83
  country  6       100
  website  2       33

publisher: 5 records
  field    filled  %
  id       5       100
  kind     5       100
  name     5       100
  aliases  1       20
  notes    0       0
  tags     0       0
  city     5       100
  founded  5       100
  parent   2       40

book: 8 records
  by genre: novel 4, tales 3, memoir 1
  by language: da 3, en 2, ja 2, zh 1
  field      filled  %
  id         8       100
  kind       8       100
  name       8       100
  aliases    4       50
  notes      1       13
  tags       2       25
  authors    8       100
  genre      8       100
  published  8       100
  publisher  6       75
  pages      7       88
  isbn       1       13
  language   8       100
  about      3       38
  related    2       25
  summary    1       13

loan: 5 records
  by status: open 2, returned 2, lost 1
  field     filled  %
  id        5       100
  kind      5       100
  name      5       100
  aliases   0       0
  notes     0       0
  tags      0       0
  book      5       100
  borrower  5       100
  since     5       100
  until     4       80
  status    5       100
  renewals  4       80

exhibition: 2 records
  field    filled  %
  id       2       100
  kind     2       100
  name     2       100
  aliases  0       0
  notes    0       0
  tags     0       0
  date     2       100
  end      1       50
  venue    2       100
  shows    2       100
--- status 0
