# -o text with --fields over mixed kinds: the header is the paths as written, list elements joined with "; "
$ kbq --kb library find shows? or id=nordic-tales --fields id,kind,shows,authors.name -o text
--- stdout
id            kind        shows                                     authors.name
nordic-tales  book                                                  Hans Christian Andersen; Karen Blixen
expo-2024     exhibition  fairy-tales; out-of-africa; nordic-tales
expo-asia     exhibition  kokoro; cat; madman
--- status 0
