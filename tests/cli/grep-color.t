# grep --color=always: file magenta, line:col green, id.field yellow, the match bold red
$ kbq --kb library grep --color=always 'K\. Le' | cat -v
--- stdout
^[[35mlibrary/authors.yaml^[[m:^[[32m43:9^[[m:^[[33mleguin.name^[[m: Ursula ^[[1;31mK. Le^[[m Guin
--- status 0
