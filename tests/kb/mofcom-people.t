# which people of China's Ministry of Commerce are recorded, with their
# offices: Wang Wentao and Li Chenggang
$ kbq actors member_of=mofcom type=person --fields id,roles -o tsv
--- stdout
id	roles
wang-wentao	Minister of Commerce of the People's Republic of China
li-chenggang	China International Trade Representative;Vice Minister of Commerce of the People's Republic of China
--- status 0
