# PATH? tests presence, also through refs (books whose publisher has a parent)
$ kbq --kb library books isbn? -o id; echo -; kbq --kb library books publisher.parent? -o id; echo -; kbq --kb library find about? -o id
--- stdout
left-hand
-
fairy-tales
left-hand
-
out-of-africa
nordic-tales
nordic-tales-2
--- status 0
