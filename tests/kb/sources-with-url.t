# which sources give an address: the seed article, the official texts that
# have a stable public one, and the single reports cited by name
$ kbq sources 'url?' -o id
--- stdout
article-london-talks
fortune-2025-06-08-hassett
cnbc-2025-06-06-london
takungpao-2025-05-16
globaltimes-2025-05-19
shine-2025-05-21
geneva-joint-statement
theweek-2025-05-12
bis-2025-05-13
bis-2022-10-07
flightglobal-2025-07-ge-comac
xinhua-2025-06-07-rare-earths
rthk-2025-06-11-london
shine-2025-06-11-london
--- status 0
