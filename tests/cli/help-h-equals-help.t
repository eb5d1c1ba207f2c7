# kbq COMMAND -h, kbq COMMAND --help and kbq help COMMAND print the same text
$ diff <(kbq find -h) <(kbq help find) && diff <(kbq find --help) <(kbq help find) && echo same
--- stdout
same
--- status 0
