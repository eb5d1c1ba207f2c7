# a null list element is an error
$ kbq --kb bad/null-element.yaml find
--- stdout
--- stderr
kbq: bad/null-element.yaml:3:11: error: null element in list 'tags'
--- status 2
