# --sort by a path through a ref: books by their publisher's city
$ kbq --kb library books publisher? --sort publisher.city --fields id,publisher.city -o tsv
--- stdout
id	publisher.city
fairy-tales	København
out-of-africa	København
nordic-tales	København
nordic-tales-2	København
left-hand	New York
kokoro	東京
--- status 0
