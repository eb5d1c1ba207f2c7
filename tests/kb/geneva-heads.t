# who headed the delegations at Geneva: the representatives the joint
# statement names, Bessent and Greer for the US, He Lifeng for China
$ kbq agreements id=geneva-talks-2025 --fields heads.name -o tsv
--- stdout
heads.name
Scott Bessent;Jamieson Greer;He Lifeng
--- status 0
