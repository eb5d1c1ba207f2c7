# show: a line break inside a value is shown as \n (SPEC 5: one line a value, nothing raw from the KB); list values one a line
$ kbq --kb library show blixen
--- stdout
# library/authors.yaml:12:3
id:             blixen
kind:           author
name:           Karen Blixen
aliases:        Isak Dinesen
                Tania
born:           1885-04-17
died:           1962-09-07
country:        DK
notes:          Lived at Rungstedlund.\nWrote in English, then in Danish.\n
referenced by:  out-of-africa.authors (Out of Africa)
                out-of-africa.about (Out of Africa)
                nordic-tales.authors (Nordic Tales: "Andersen" & Blixen)
                nordic-tales.about (Nordic Tales: "Andersen" & Blixen)
                nordic-tales-2.authors (Nordic Tales, second edition)
                nordic-tales-2.about (Nordic Tales, second edition)
--- status 0
