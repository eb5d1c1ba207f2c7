# who takes part in the London talks (both delegations, China's beyond its
# head as reports of the talks name them)
$ kbq agreements id=london-talks-2025 --fields participants.name -o tsv
--- stdout
participants.name
Scott Bessent;Howard Lutnick;Jamieson Greer;He Lifeng;Wang Wentao;Li Chenggang
--- status 0
