# what happened in June 2025, in date order (month-only dates start on the
# 1st); the WSJ report (8 June) comes after the Trump-Xi call of 5 June
$ kbq find date=2025-06 not kind=source --sort date -o id
--- stdout
experts-on-lutnick
trump-xi-call-2025
trump-2025-06-06
mofcom-2025-06-07
hassett-cbs-2025-06-08
wsj-china-demands
london-talks-2025
london-framework-2025
--- status 0
