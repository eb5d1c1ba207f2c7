# -o json: one array of objects, the record's fields in file order, lists as arrays (authors holds a list even when written as a scalar), all values strings
$ kbq --kb library find id=fairy-tales or id=left-hand -o json
--- stdout
[
{"id":"fairy-tales","kind":"book","name":"Fairy Tales, Told for Children","aliases":["Eventyr, fortalte for Børn"],"authors":["andersen"],"genre":"tales","published":"1835-05-08","publisher":"reitzel","pages":"61","language":"da"},
{"id":"left-hand","kind":"book","name":"The Left Hand of Darkness","authors":["leguin"],"genre":"novel","published":"1969-03","publisher":"ace","pages":"286","isbn":"9780441478125","language":"en","tags":["science-fiction","hugo"],"summary":"An envoy visits the planet Gethen,\nwhere people have no fixed sex.\n\n\"Light is the left hand of darkness.\"\n"}
]
--- status 0
