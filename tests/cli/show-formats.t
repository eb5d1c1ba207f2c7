# show -o json, jsonl, yaml and id print the whole records in those formats; -o tsv and csv are refused (no columns)
$ kbq --kb library show loan-2 cat -o json; kbq --kb library show loan-2 cat -o jsonl; kbq --kb library show loan-2 -o yaml; kbq --kb library show loan-2 cat -o id; kbq --kb library show loan-2 -o tsv; echo "status $?"
--- stdout
[
{"id":"loan-2","kind":"loan","name":"Left Hand to Pat","book":"left-hand","borrower":"O'Brien, Pat","since":"2024-03","status":"open","renewals":"2"},
{"id":"cat","kind":"book","name":"吾輩は猫である","aliases":["I Am a Cat"],"authors":["soseki"],"genre":"novel","published":"1905","language":"ja","tags":["cats","satire"]}
]
{"id":"loan-2","kind":"loan","name":"Left Hand to Pat","book":"left-hand","borrower":"O'Brien, Pat","since":"2024-03","status":"open","renewals":"2"}
{"id":"cat","kind":"book","name":"吾輩は猫である","aliases":["I Am a Cat"],"authors":["soseki"],"genre":"novel","published":"1905","language":"ja","tags":["cats","satire"]}
---
id: loan-2
kind: loan
name: Left Hand to Pat
book: left-hand
borrower: O'Brien, Pat
since: "2024-03"
status: open
renewals: "2"
loan-2
cat
status 2
--- stderr
kbq: error: 'show' prints text, json, jsonl, yaml or id, not tsv
--- status 0
