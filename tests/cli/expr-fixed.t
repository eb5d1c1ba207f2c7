# -F makes ~ a literal substring match: regex characters are plain, and a pattern that is no valid regex is fine
$ kbq --kb library find -F 'name~K. Le' -o id; echo -; kbq --kb library find -F 'name~.' -o id; echo "status $?"; kbq --kb library find -F 'name~(' -o id; echo "status $?"; kbq --kb library find -F '~"Light' -o id
--- stdout
leguin
-
leguin
reitzel
putnam
status 0
status 1
left-hand
--- status 0
