# short options bundle (-ci = -c -i) and a short option takes its value attached or as the next word
$ kbq --kb library books -ci genre=NOVEL; kbq --kb library books -oid genre=memoir; kbq --kb library books -o id genre=memoir
--- stdout
4
out-of-africa
out-of-africa
--- status 0
