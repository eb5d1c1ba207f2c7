# grep: every field value (kind excluded, id included) matching the regex, as FILE:LINE:COL:ID.FIELD: VALUE
$ kbq --kb library grep Nordic
--- stdout
library/books/anthology.yaml:5:9:nordic-tales.name: Nordic Tales: "Andersen" & Blixen
library/books/anthology.yaml:16:9:nordic-tales-2.name: Nordic Tales, second edition
library/exhibitions.yaml:3:9:expo-2024.name: Nordic Tales
--- status 0
