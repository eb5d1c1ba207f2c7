# --color=always colours the text table (bold header, yellow ids) even into a pipe, and even with NO_COLOR set: the option wins; escapes shown by cat -v
$ NO_COLOR=1 kbq --kb library publishers 'city=New York' --color=always | cat -v
--- stdout
^[[1mid      name                 city^[[m
^[[33mputnam^[[m  G. P. Putnam's Sons  New York
^[[33mace^[[m     Ace Books            New York
--- status 0
