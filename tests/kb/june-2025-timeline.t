# what happened in June 2025, in date order (month-only dates start on the 1st)
$ kbq find date=2025-06 not kind=source --sort date -o id
--- stdout
wsj-china-demands
experts-on-lutnick
trump-xi-call-2025
trump-2025-06-06
mofcom-2025-06-07
hassett-cbs-2025-06-08
london-talks-2025
london-framework-2025
--- status 0
