# --sort --reverse: largest first, records without the field still last
$ kbq --kb library books --sort pages --reverse --fields id,pages -o tsv
--- stdout
id	pages
out-of-africa	1200
nordic-tales-2	512
nordic-tales	480
kokoro	325
left-hand	286
fairy-tales	61
madman	9
cat	
--- status 0
