# a bare ~REGEX matches any field but kind, id included
$ kbq --kb library find '~^loan-[12]$' -o id; echo -; kbq --kb library find '~^exhibition$' -o id; echo "status $?"; kbq --kb library find '~Gethen' -o id
--- stdout
loan-1
loan-2
-
status 1
left-hand
--- status 0
