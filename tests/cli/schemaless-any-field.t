# a schema-less KB accepts any field name (an unknown one simply matches nothing)
$ kbq --kb plain find colour=red; echo "status $?"; kbq --kb plain find discovered? -o id
--- stdout
status 1
phobos
deimos
--- status 0
