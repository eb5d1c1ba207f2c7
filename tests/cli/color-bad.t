# --color with another value is an error
$ kbq --kb library find --color=sometimes
--- stdout
--- stderr
kbq: error: --color wants auto, always or never, not 'sometimes'
Try 'kbq find -h' for more information.
--- status 2
