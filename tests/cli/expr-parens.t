# parentheses group: a (b or c) differs from a b or c
$ kbq --kb library books language=ja '(' genre=novel or genre=memoir ')' -o id; echo -; kbq --kb library books language=ja genre=novel or genre=memoir -o id
--- stdout
kokoro
cat
-
kokoro
cat
out-of-africa
--- status 0
