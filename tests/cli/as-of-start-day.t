# --as-of D keeps a record that starts on D itself (b and e, dated D) and one whose period holds D (a, March), not one that starts the day after (f)
$ kbq --kb ties.yaml find --as-of 2024-03-01 -o id
--- stdout
a
b
e
--- status 0
