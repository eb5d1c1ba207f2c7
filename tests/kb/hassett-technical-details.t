# where Hassett said "We don't want any technical details slowing that
# down": the Face the Nation interview on CBS, 8 June 2025
$ kbq events -F "quotes~We don't want any technical details" --fields id,date,outlet.name,sources -o tsv
--- stdout
id	date	outlet.name	sources
hassett-cbs-2025-06-08	2025-06-08	CBS	article-london-talks;cbs-face-the-nation-2025-06-08;fortune-2025-06-08-hassett
--- status 0
