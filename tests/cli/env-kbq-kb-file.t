# $KBQ_KB may name a single file, relative to the current directory
$ cd library && KBQ_KB=../single.yaml kbq find kind=recipe -o id
--- stdout
pancakes
omelette
feast
--- status 0
