# an empty step in a path (a..b) is an error
$ kbq --kb library books 'publisher..name=x'
--- stdout
--- stderr
kbq: error: empty field name in path
  publisher..name=x
            ^
--- status 2
