# grep --limit N prints at most N matching values
$ kbq --kb library grep --limit 2 Tales
--- stdout
library/books-old.yaml:4:7:fairy-tales.name: Fairy Tales, Told for Children
library/books/anthology.yaml:5:9:nordic-tales.name: Nordic Tales: "Andersen" & Blixen
--- status 0
