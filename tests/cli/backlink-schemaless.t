# schema-less: ^F follows any field backwards; ^F.PATH compares as text
$ kbq --kb plain find '^orbits' -o id; echo -; kbq --kb plain find '^target' -o id; echo -; kbq --kb plain find '^moons.name=Mars' -o id; echo -; kbq --kb plain find '^target.since<2000' -o id
--- stdout
earth
mars
-
mars
phobos
-
phobos
deimos
-
mars
--- status 0
