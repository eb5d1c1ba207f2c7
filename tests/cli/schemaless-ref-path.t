# schema-less, A.B follows A wherever its value is the id of a record: moons of the planets whose moons are named Deimos; probes whose target orbits Mars
$ kbq --kb plain find moons.name=Deimos -o id; echo -; kbq --kb plain find target.orbits=mars -o id; echo -; kbq --kb plain find --fields id,moons.name,moons.radius kind=planet -o tsv
--- stdout
mars
-
next-probe
-
id	moons.name	moons.radius
earth	Moon	1737
mars	Phobos;Deimos	11;6
--- status 0
