# what China's Ministry of Commerce said on 7 June 2025
$ kbq events actors=mofcom date=2025-06-07 --fields quotes -o tsv
--- stdout
quotes
we will strengthen the approval of rare earth exports according to regulations.
--- status 0
