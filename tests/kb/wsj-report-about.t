# what the WSJ report is about: the London talks and the one control its
# text names (jet engines), not a list of US controls it does not name
$ kbq events id=wsj-china-demands --fields date,about -o tsv
--- stdout
date	about
2025-06-08	london-talks-2025;us-aircraft-engines-2025
--- status 0
