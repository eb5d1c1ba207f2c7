# the events that may have happened on 7 June 2025: MOFCOM's statement, and
# the experts' view, dated only to the month; not the WSJ report (8 June)
$ kbq events date=2025-06-07 -o id
--- stdout
mofcom-2025-06-07
experts-on-lutnick
--- status 0
