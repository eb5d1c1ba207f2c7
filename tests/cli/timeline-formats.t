# timeline with -o json, jsonl, csv, yaml and id: a row per date value with date, kind, id, field, name
$ for f in json jsonl csv yaml id; do echo "== $f"; kbq --kb library timeline kind=exhibition -o $f | sed 's/\r/\\r/g'; done
--- stdout
== json
[
{"date":"2024-05-01","kind":"exhibition","id":"expo-2024","field":"date","name":"Nordic Tales"},
{"date":"2024-08-31","kind":"exhibition","id":"expo-2024","field":"end","name":"Nordic Tales"},
{"date":"2024-09","kind":"exhibition","id":"expo-asia","field":"date","name":"东亚文学 East Asian Letters"}
]
== jsonl
{"date":"2024-05-01","kind":"exhibition","id":"expo-2024","field":"date","name":"Nordic Tales"}
{"date":"2024-08-31","kind":"exhibition","id":"expo-2024","field":"end","name":"Nordic Tales"}
{"date":"2024-09","kind":"exhibition","id":"expo-asia","field":"date","name":"东亚文学 East Asian Letters"}
== csv
date,kind,id,field,name\r
2024-05-01,exhibition,expo-2024,date,Nordic Tales\r
2024-08-31,exhibition,expo-2024,end,Nordic Tales\r
2024-09,exhibition,expo-asia,date,东亚文学 East Asian Letters\r
== yaml
- date: "2024-05-01"
  kind: exhibition
  id: expo-2024
  field: date
  name: Nordic Tales
- date: "2024-08-31"
  kind: exhibition
  id: expo-2024
  field: end
  name: Nordic Tales
- date: "2024-09"
  kind: exhibition
  id: expo-asia
  field: date
  name: 东亚文学 East Asian Letters
== id
expo-2024
expo-2024
expo-asia
--- status 0
