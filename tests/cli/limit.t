# --limit N prints at most N results, after sorting
$ kbq --kb library books --sort published --limit 3 -o id
--- stdout
fairy-tales
cat
kokoro
--- status 0
