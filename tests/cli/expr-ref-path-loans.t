# A.B in a per-kind command: loans of books by Danish authors, and of books published before 1920
$ kbq --kb library loans book.authors.country=DK --fields id,book.name,book.authors.name -o tsv; kbq --kb library loans 'book.published<1920' -o id
--- stdout
id	book.name	book.authors.name
loan-4	Fairy Tales, Told for Children	Hans Christian Andersen
loan-5	Out of Africa	Karen Blixen
loan-1
loan-3
loan-4
--- status 0
