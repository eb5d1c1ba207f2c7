# show: an unknown id with nothing close has no suggestion
$ kbq --kb library show zzzzzzzzzzzz
--- stdout
--- stderr
kbq: error: unknown id or name 'zzzzzzzzzzzz'
--- status 2
