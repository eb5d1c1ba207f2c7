# who takes part in the London talks (both delegations)
$ kbq agreements id=london-talks-2025 --fields participants.name -o tsv
--- stdout
participants.name
Scott Bessent;Howard Lutnick;Jamieson Greer;He Lifeng
--- status 0
