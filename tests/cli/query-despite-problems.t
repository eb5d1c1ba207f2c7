# schema violations are validate's business: queries still answer (a KB with problems)
$ kbq --kb problems widgets color=blue -o id
--- stdout
typo
soon
--- status 0
