# show --color=always: the position dim, keys bold, the id yellow, the referenced names dim
$ kbq --kb library show loan-2 --color=always | cat -v
--- stdout
^[[2m# library/loans.yml:11:3^[[m
^[[1mid:^[[m             ^[[33mloan-2^[[m
^[[1mkind:^[[m           loan
^[[1mname:^[[m           Left Hand to Pat
^[[1mbook:^[[m           left-hand ^[[2m(The Left Hand of Darkness)^[[m
^[[1mborrower:^[[m       O'Brien, Pat
^[[1msince:^[[m          2024-03
^[[1mstatus:^[[m         open
^[[1mrenewals:^[[m       2
--- status 0
