# the London record cites a source for the 6 June announcement of the US
# delegation (CNBC) and for China's other delegates (RTHK)
$ kbq agreements id=london-talks-2025 --fields sources -o tsv
--- stdout
sources
article-london-talks;press-2025-06-london;cnbc-2025-06-06-london;rthk-2025-06-11-london
--- status 0
