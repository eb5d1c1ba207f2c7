# ^F: the records that some record names in its ref field F (gardeners who lead a task); ^F? is the same; ^F=ID: named so by the record ID
$ kbq --kb garden gardeners '^lead' -o id; echo -; kbq --kb garden gardeners '^lead?' -c; kbq --kb garden gardeners '^lead=t5' -o id
--- stdout
ines
tom
ada
-
3
ines
tom
--- status 0
