# schema-less show: any value that is the id of a record is followed by its name
$ kbq --kb plain show mars
--- stdout
# plain/space.yaml:7:3
id:             mars
kind:           planet
name:           Mars
moons:          phobos (Phobos)
                deimos (Deimos)
radius:         3390
referenced by:  viking-1.target (Viking 1)
                tianwen-1.target (天问一号)
                next-probe.target (Next Probe)
                phobos.orbits (Phobos)
                deimos.orbits (Deimos)
--- status 0
