# validate -o json on a duplicate id: the fatal diagnostic names the record's id, which is known (not null)
$ kbq --kb bad/dup-id validate -o json
--- stdout
[
  {"file":"bad/dup-id/b.yaml","line":3,"col":7,"id":"same","severity":"fatal","message":"duplicate id 'same' (first defined at bad/dup-id/a.yaml:1:7)"}
]
--- status 2
