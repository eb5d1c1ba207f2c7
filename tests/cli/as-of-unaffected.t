# --as-of leaves records with none of since, date, until, end alone (authors, books, publishers); with an expression it is an extra condition
$ kbq --kb library find --as-of 2024-02-01 -c; kbq --kb library find --as-of 2024-02-01 not kind=book not kind=author not kind=publisher -o id
--- stdout
20
loan-1
--- status 0
