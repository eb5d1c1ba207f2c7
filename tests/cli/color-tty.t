# auto colours on a terminal (script gives kbq a pty; TERM must not be dumb), but not when NO_COLOR is set, even empty, nor with --color=never
$ export TERM=xterm; for pre in '' 'NO_COLOR=1' 'NO_COLOR='; do script -qec "$pre kbq --kb library publishers id=ace" /dev/null | tr -d '\r' | cat -v; done; script -qec 'kbq --kb library publishers id=ace --color=never' /dev/null | tr -d '\r' | cat -v
--- stdout
^[[1mid   name       city^[[m
^[[33mace^[[m  Ace Books  New York
id   name       city
ace  Ace Books  New York
id   name       city
ace  Ace Books  New York
id   name       city
ace  Ace Books  New York
--- status 0
