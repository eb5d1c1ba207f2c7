# what the Geneva statement's tariff figures (145% to 30%, 125% to 10%) rest
# on: the statement itself has no overall rates, The Week's report does
$ kbq agreements id=geneva-statement-2025 --fields sources.publisher,sources.date -o tsv
--- stdout
sources.publisher	sources.date
The White House;ChosunBiz (English edition);The Week	2025-05-12;2025-06-09;2025-05-12
--- status 0
