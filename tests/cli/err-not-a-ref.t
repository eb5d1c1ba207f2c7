# a path that follows a field that is not a ref is an error
$ kbq --kb library books publisher.name.city=x
--- stdout
--- stderr
kbq: error: field 'name' is not a ref: it cannot be followed
  publisher.name.city=x
            ^~~~
--- status 2
