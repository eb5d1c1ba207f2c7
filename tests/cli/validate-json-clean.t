# validate -o json on a clean KB: an empty array, exit 0
$ kbq --kb library validate -o json
--- stdout
[]
--- status 0
