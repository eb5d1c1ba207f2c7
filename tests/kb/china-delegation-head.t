# who leads China's delegation at the London talks
$ kbq agreements id=london-talks-2025 --fields heads.name -o tsv
--- stdout
heads.name
He Lifeng
--- status 0
