# ^F.PATH=VALUE under or, in parentheses: on the crew of a harvest, or keeper of a northern bed
$ kbq --kb garden gardeners '(' '^crew.type=harvest' or '^keeper.site=north' ')' -o id
--- stdout
ines
tom
ada
kim
--- status 0
