# the talks both Wang Wentao and Li Chenggang took part in: London
$ kbq agreements participants=wang-wentao participants=li-chenggang -o id
--- stdout
london-talks-2025
--- status 0
