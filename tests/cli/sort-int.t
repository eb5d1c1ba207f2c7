# --sort on an int field sorts as numbers (9 < 61 < 286 < 1200), records without the field last
$ kbq --kb library books --sort pages --fields id,pages -o tsv
--- stdout
id	pages
madman	9
fairy-tales	61
left-hand	286
kokoro	325
nordic-tales	480
nordic-tales-2	512
out-of-africa	1200
cat	
--- status 0
