# --sort on a date sorts by period start, then end (2023, the whole year, first; 2024-03 after 2024-02-29)
$ kbq --kb library find --sort since --fields id,since kind=loan -o tsv
--- stdout
id	since
loan-4	2023
loan-1	2024-01-10
loan-3	2024-02-29
loan-2	2024-03
loan-5	2024-06-01
--- status 0
