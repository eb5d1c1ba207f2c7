# which talks Howard Lutnick attends: London
$ kbq agreements participants=lutnick -o id
--- stdout
london-talks-2025
--- status 0
