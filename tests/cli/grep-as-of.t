# grep --as-of: only values of the records in force on the date
$ kbq --kb library grep --as-of 2024-03-20 Left
--- stdout
library/books.yaml:47:7:left-hand.name: The Left Hand of Darkness
library/loans.yml:13:9:loan-2.name: Left Hand to Pat
--- status 0
