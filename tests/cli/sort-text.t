# --sort on a string sorts byte-wise; ties (DK) keep file order
$ kbq --kb library authors --sort country --fields id,country,name -o tsv
--- stdout
id	country	name
luxun	CN	鲁迅
andersen	DK	Hans Christian Andersen
blixen	DK	Karen Blixen
aero	DK	Marie Ærø
soseki	JP	夏目漱石
leguin	US	Ursula K. Le Guin
--- status 0
