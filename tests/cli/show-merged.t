# show: a record built with a merge key (<<) has its own keys first, then the merged ones, in file order
$ kbq --kb library show nordic-tales-2 -o yaml
--- stdout
---
id: nordic-tales-2
name: Nordic Tales, second edition
published: "2010-02"
pages: "512"
kind: book
authors:
  - andersen
  - blixen
genre: tales
publisher: gyldendal
language: da
about:
  - fairy-tales
  - andersen
  - blixen
related:
  - gyldendal
  - expo-2024
--- status 0
