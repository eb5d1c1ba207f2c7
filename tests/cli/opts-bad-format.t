# an unknown output format is an error with a suggestion
$ kbq --kb library books -o jsn
--- stdout
--- stderr
kbq: error: unknown output format 'jsn' (did you mean 'json'?) (text, tsv, csv, json, jsonl, yaml, id)
Try 'kbq help' for more information.
--- status 2
