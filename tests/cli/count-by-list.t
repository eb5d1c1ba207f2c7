# --count-by a list field: each element counts; bean lists green twice and counts once under it; pea has no colours and counts under an empty value
$ kbq --kb garden plants --count-by colours -o jsonl
--- stdout
{"colours":"green","count":2}
{"colours":"","count":1}
{"colours":"purple","count":1}
{"colours":"red","count":1}
{"colours":"white","count":1}
{"colours":"yellow","count":1}
--- status 0
