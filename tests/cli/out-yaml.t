# -o yaml: a stream of documents, quoted where a plain scalar would not read back the same
$ kbq --kb library find id=madman or id=loan-4 or id=nordic-tales -o yaml
--- stdout
---
id: madman
kind: book
name: 狂人日记
aliases:
  - A Madman's Diary
  - Diary of a Madman
authors:
  - luxun
genre: novel
published: "1918-05"
pages: "9"
language: zh
notes: "First printed in New Youth.\tA short story, not a novel."
---
id: nordic-tales
kind: book
name: "Nordic Tales: \"Andersen\" & Blixen"
authors:
  - andersen
  - blixen
genre: tales
published: "2001-11-30"
publisher: gyldendal
pages: "480"
language: da
about:
  - fairy-tales
  - andersen
  - blixen
related:
  - gyldendal
  - expo-2024
---
id: loan-4
kind: loan
name: Fairy Tales to Kim
book: fairy-tales
borrower: "Kim \"K\"\tLarsen"
since: "2023"
until: "2023-12"
status: lost
--- status 0
