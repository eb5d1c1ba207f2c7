# stats -o json: records, then per kind its records, how often each field is filled, and the counts of each enum value
$ kbq --kb library stats -o json | jq -c '.records, (.kinds[] | select(.kind == "loan"))'
--- stdout
26
{"kind":"loan","records":5,"fields":{"id":5,"kind":5,"name":5,"aliases":0,"notes":0,"tags":0,"book":5,"borrower":5,"since":5,"until":4,"status":5,"renewals":4},"values":{"status":{"open":2,"returned":2,"lost":1}}}
--- status 0
