# --count-by counts the records that match: an expression and --as-of filter them first (t4 and t5 are after May 2025)
$ kbq --kb garden tasks --as-of 2025-05 --count-by status; kbq --kb garden tasks type=sowing --count-by crew.name
--- stdout
status   count
done     3
planned  1
crew.name  count
Ada        1
Kim        1
Li         1
--- status 0
