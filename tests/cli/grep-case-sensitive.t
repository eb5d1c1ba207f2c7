# grep without -i is case-sensitive: "k. le" matches nothing
$ kbq --kb library grep -F 'k. le'
--- stdout
--- status 1
