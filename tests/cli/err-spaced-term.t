# 'name = value' quoted as one word: the space is the mistake, not the field
$ kbq --kb library books 'title = x'
--- stderr
kbq: error: space before '=': a term is written without spaces, as in 'name=value'
  title = x
       ^
--- status 2
