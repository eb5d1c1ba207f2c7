# what the nuclear-equipment suspension rests on: the seed article and
# Reuters' report of 6 June 2025, not the late-May reports
$ kbq controls id=us-nuclear-2025 --fields since,sources -o tsv
--- stdout
since	sources
2025-05	article-london-talks;reuters-2025-06-06-nuclear
--- status 0
