# a schema-less KB: any kind, any field; the text table shows id, kind, name
$ kbq --kb plain find
--- stdout
id          kind    name
viking-1    probe   Viking 1
tianwen-1   probe   天问一号
next-probe  probe   Next Probe
earth       planet  Earth
mars        planet  Mars
luna        moon    Moon
phobos      moon    Phobos
deimos      moon    Deimos
--- status 0
