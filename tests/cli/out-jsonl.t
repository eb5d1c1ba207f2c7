# -o jsonl: one object a line
$ kbq --kb library loans status=open -o jsonl
--- stdout
{"id":"loan-2","kind":"loan","name":"Left Hand to Pat","book":"left-hand","borrower":"O'Brien, Pat","since":"2024-03","status":"open","renewals":"2"}
{"id":"loan-5","kind":"loan","name":"Africa to Ada","book":"out-of-africa","borrower":"Ada Lovelace","since":"2024-06-01","until":"2024-06-30","status":"open","renewals":"1"}
--- status 0
