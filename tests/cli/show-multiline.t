# show: a multi-line text value has its continuation lines indented to the value column; list values one a line
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
notes:          Lived at Rungstedlund.
                Wrote in English, then in Danish.
referenced by:  out-of-africa.authors (Out of Africa)
                out-of-africa.about (Out of Africa)
                nordic-tales.authors (Nordic Tales: "Andersen" & Blixen)
                nordic-tales.about (Nordic Tales: "Andersen" & Blixen)
                nordic-tales-2.authors (Nordic Tales, second edition)
                nordic-tales-2.about (Nordic Tales, second edition)
--- status 0
