# names starting with "." are skipped, files and directories alike (.drafts.yaml and .hidden/broken.yaml hold broken YAML)
$ kbq --kb library find -c && kbq --kb library validate && echo valid
--- stdout
26
valid
--- status 0
