# --fields with ref paths: a.b follows ref a (through a list of refs too); the header keys are the paths as written
$ kbq --kb library books --fields id,authors.name,publisher.name,publisher.parent.name -o tsv
--- stdout
id	authors.name	publisher.name	publisher.parent.name
fairy-tales	Hans Christian Andersen	C. A. Reitzel	Gyldendal
kokoro	夏目漱石	岩波書店	
cat	夏目漱石		
madman	鲁迅		
out-of-africa	Karen Blixen	Gyldendal	
left-hand	Ursula K. Le Guin	Ace Books	G. P. Putnam's Sons
nordic-tales	Hans Christian Andersen;Karen Blixen	Gyldendal	
nordic-tales-2	Hans Christian Andersen;Karen Blixen	Gyldendal	
--- status 0
