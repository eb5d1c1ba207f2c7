# a schema-less KB: validate checks structure and unique ids only: exit 0
$ kbq --kb plain validate
--- stdout
--- status 0
