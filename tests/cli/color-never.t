# --color=never, --color=auto and the default print no escapes into a pipe
$ kbq --kb library publishers 'city=New York' --color=never | cat -v && kbq --kb library publishers 'city=New York' --color=auto | cat -v && kbq --kb library publishers 'city=New York' | cat -v
--- stdout
id      name                 city
putnam  G. P. Putnam's Sons  New York
ace     Ace Books            New York
id      name                 city
putnam  G. P. Putnam's Sons  New York
ace     Ace Books            New York
id      name                 city
putnam  G. P. Putnam's Sons  New York
ace     Ace Books            New York
--- status 0
