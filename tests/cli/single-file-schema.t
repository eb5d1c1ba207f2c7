# --schema FILE names a schema for a single-file KB: its plurals become commands and ints compare as numbers (1 < 4 < 12); schema-less they compare as text ("12" < "4")
$ kbq --kb single.yaml --schema single-schema.yaml recipes 'serves<4' -o id; echo -; kbq --kb single.yaml find 'serves<4' -o id; echo -; kbq --kb single.yaml recipes; echo "status $?"
--- stdout
omelette
-
omelette
feast
-
status 2
--- stderr
kbq: error: unknown command 'recipes'
Try 'kbq help' for more information.
--- status 0
