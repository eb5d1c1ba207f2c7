# schema-less, every value is text: comparisons are byte-wise ("6" > "10", "1737" < "2"), and a date is not a period (discovered=1877-08 is no exact match)
$ kbq --kb plain find 'radius>10' -o id; echo -; kbq --kb plain find 'radius<2' -o id; echo -; kbq --kb plain find discovered=1877-08 -o id; echo "status $?"
--- stdout
earth
mars
luna
phobos
deimos
-
luna
phobos
-
status 1
--- status 0
