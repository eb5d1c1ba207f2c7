# a literal that is not an integer for an int field is an error, underlined
$ kbq --kb library books 'pages>six'
--- stdout
--- stderr
kbq: error: bad integer 'six'
  pages>six
        ^~~
--- status 2
