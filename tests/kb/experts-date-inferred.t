# the experts' view on Lutnick is dated only to June 2025, and the record
# says that date is inferred
$ kbq events id=experts-on-lutnick -F notes~inferred --fields date -o tsv
--- stdout
date
2025-06
--- status 0
