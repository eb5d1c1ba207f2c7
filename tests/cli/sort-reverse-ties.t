# --sort --reverse: ties keep file order (DK: andersen, blixen, aero)
$ kbq --kb library authors --sort country --reverse --fields id,country -o tsv
--- stdout
id	country
leguin	US
soseki	JP
andersen	DK
blixen	DK
aero	DK
luxun	CN
--- status 0
