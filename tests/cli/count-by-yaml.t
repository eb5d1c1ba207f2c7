# --count-by -o yaml: one document a row, the count an integer; find counts across kinds
$ kbq --kb garden find --count-by kind -o yaml
--- stdout
---
kind: gardener
count: 6
---
kind: task
count: 6
---
kind: plant
count: 5
---
kind: bed
count: 4
---
kind: report
count: 2
--- status 0
