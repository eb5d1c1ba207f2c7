# --list=types: a ref to a list of kinds has a line per kind, a ref to any
# kind one with no kind
$ kbq --kb library schema --list=types | grep -P '^book\t(about|related)\t'
--- stdout
book	about	ref	author
book	about	ref	book
book	related	ref	
--- status 0
