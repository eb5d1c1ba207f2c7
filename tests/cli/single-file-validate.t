# --schema FILE: validate checks the single-file KB against it
$ kbq --kb single.yaml --schema single-schema.yaml validate && kbq --kb single.yaml --schema single-schema.yaml schema recipe
--- stdout
# single-schema.yaml
recipe (kbq recipes)
  id      string, required         unique id of the record (built in)
  kind    string, required         the record's kind (built in)
  name    string, required
  uses    ref to ingredient, list
  serves  int
--- status 0
