# schema on a schema-less KB says so
$ kbq --kb plain schema
--- stdout
this KB has no schema: any kind and any field are allowed, every value is text
--- status 0
