# an expression of 1000 words is accepted
$ kbq --kb library books $(for i in $(seq 1000); do echo isbn?; done) -o id
--- stdout
left-hand
--- status 0
