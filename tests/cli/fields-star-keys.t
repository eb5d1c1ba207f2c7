# --fields '*' names fields, never paths: a key holding '.' or ',' is a column of its own
$ kbq --kb tricky find id=dots --fields '*' -o json; kbq --kb tricky find id=dots --fields '*' -o csv | tr -d '\r'
--- stdout
[
{"id":"dots","kind":"odd","name":"dotted keys","a.b":"v1","c,d":"v2","a":"dots"}
]
id,kind,name,a.b,"c,d",a
dots,odd,dotted keys,v1,v2,dots
--- status 0
