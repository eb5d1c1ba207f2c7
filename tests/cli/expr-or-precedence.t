# "and" binds tighter than "or": a b or c is (a b) or c
$ kbq --kb library books genre=novel language=ja or genre=memoir -o id
--- stdout
kokoro
cat
out-of-africa
--- status 0
