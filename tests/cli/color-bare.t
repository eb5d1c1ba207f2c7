# --color alone means always, as in ls and grep
$ kbq --kb library publishers 'city=New York' --color | cat -v
--- stdout
^[[1mid      name                 city^[[m
^[[33mputnam^[[m  G. P. Putnam's Sons  New York
^[[33mace^[[m     Ace Books            New York
--- status 0
