# --reverse without --sort reverses file order
$ kbq --kb library publishers --reverse -o id
--- stdout
iwanami
ace
putnam
reitzel
gyldendal
--- status 0
