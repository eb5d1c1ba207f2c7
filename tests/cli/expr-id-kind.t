# id and kind are fields of every kind
$ kbq --kb library find kind=publisher 'id<h' -o id; echo -; kbq --kb library books id~^nordic -o id
--- stdout
gyldendal
ace
-
nordic-tales
nordic-tales-2
--- status 0
