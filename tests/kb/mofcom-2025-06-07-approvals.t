# MOFCOM's statement of 7 June 2025 also said licences had already been
# approved, which Xinhua's report of it carries
$ kbq events actors=mofcom date=2025-06-07 -F 'summary~had approved a number of export licence applications' --fields id,sources -o tsv
--- stdout
id	sources
mofcom-2025-06-07	article-london-talks;xinhua-2025-06-07-rare-earths;wsj-2025-06;fortune-2025-06-08-hassett
--- status 0
