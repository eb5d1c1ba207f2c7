# -o id: one id a line
$ kbq --kb library books genre=novel -o id
--- stdout
kokoro
cat
madman
left-hand
--- status 0
