# show: several ids, records separated by a blank line; a ref to a list of kinds (about: author or book) and to any kind (related) are followed too
$ kbq --kb library show nordic-tales reitzel
--- stdout
# library/books/anthology.yaml:2:3
id:             nordic-tales
kind:           book
name:           Nordic Tales: "Andersen" & Blixen
authors:        andersen (Hans Christian Andersen)
                blixen (Karen Blixen)
genre:          tales
published:      2001-11-30
publisher:      gyldendal (Gyldendal)
pages:          480
language:       da
about:          fairy-tales (Fairy Tales, Told for Children)
                andersen (Hans Christian Andersen)
                blixen (Karen Blixen)
related:        gyldendal (Gyldendal)
                expo-2024 (Nordic Tales)
referenced by:  expo-2024.shows (Nordic Tales)

# library/publishers/copenhagen.yaml:6:3
id:             reitzel
kind:           publisher
name:           C. A. Reitzel
city:           København
founded:        1819
parent:         gyldendal (Gyldendal)
referenced by:  fairy-tales.publisher (Fairy Tales, Told for Children)
--- status 0
