# a single file is a KB too: documents of records and lists of records, schema-less without --schema
$ kbq --kb single.yaml find
--- stdout
id        kind        name
flour     ingredient  Flour
egg       ingredient  Egg
milk      ingredient  Milk
pancakes  recipe      Pancakes
omelette  recipe      Omelette
feast     recipe      Feast
--- status 0
