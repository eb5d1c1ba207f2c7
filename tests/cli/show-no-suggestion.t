# show: an unknown id with nothing close has no suggestion
$ kbq --kb library show zzzzzzzzzzzz
--- stdout
--- stderr
kbq: error: unknown id 'zzzzzzzzzzzz'
--- status 2
