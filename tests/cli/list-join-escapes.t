# a ';' or '\' inside a list element is written '\;' or '\\' (tsv: on top of its own escapes, a tab as \t), so that splitting at an unescaped ';' gives the elements back; text joins with '; ' the same way (csv: CR shown as R, tab as T)
$ kbq --kb garden gardeners id=kim --fields id,skills -o tsv; kbq --kb garden gardeners id=kim --fields id,skills -o csv | tr '\t\r' TR; kbq --kb garden gardeners id=kim --fields id,skills; kbq --kb tricky find id=lists --fields sep,one,lone,bs -o csv | tr '\t\r' TR
--- stdout
id	skills
kim	compost\; worms;tab\there
id,skillsR
kim,compost\; worms;tabThereR
id   skills
kim  compost\; worms; tab\there
sep,one,lone,bsR
a\;b;back\\slash;\\\;;\;;;end\\;tabTx;x\;\\\;y;\;\;,,\;,\\R
--- status 0
