# which talks note Howard Lutnick's absence: Geneva
$ kbq agreements absent=lutnick --fields id,absent.name -o tsv
--- stdout
id	absent.name
geneva-talks-2025	Howard Lutnick
--- status 0
