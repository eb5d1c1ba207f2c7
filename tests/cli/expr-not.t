# "not" negates the next unary: a term or a group
$ kbq --kb library books not genre=novel -o id; echo -; kbq --kb library books not '(' genre=novel or language=da ')' -o id; echo -; kbq --kb library books not not genre=memoir -o id
--- stdout
fairy-tales
out-of-africa
nordic-tales
nordic-tales-2
-
out-of-africa
-
out-of-africa
--- status 0
