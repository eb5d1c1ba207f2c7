# grep REGEX EXPR: only values of the records matching the expression
$ kbq --kb library grep ^2024 kind=loan status=open
--- stdout
library/loans.yml:16:10:loan-2.since: 2024-03
library/loans.yml:41:10:loan-5.since: 2024-06-01
library/loans.yml:42:10:loan-5.until: 2024-06-30
--- status 0
