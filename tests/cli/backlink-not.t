# not ^F: the gardeners no task names as lead
$ kbq --kb garden gardeners not '^lead' -o id
--- stdout
li
sam
kim
--- status 0
