# -F with -i: a case-insensitive literal
$ kbq --kb library find -F -i 'name~TALES, t' -o id
--- stdout
fairy-tales
--- status 0
