# an expression word of 64 KiB is accepted (= needs no regex)
$ kbq --kb library books "name=$(head -c 65530 /dev/zero | tr "\0" a)" -o id; echo "status $?"
--- stdout
status 1
--- status 0
