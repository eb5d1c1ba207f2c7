# what Trump said of the London talks on 6 June 2025: the seed article's
# rendering and the words of his Truth Social post, as CNBC reported them
$ kbq events id=trump-2025-06-06 --fields quotes,sources -o tsv
--- stdout
quotes	sources
The talks will go very well.;The meeting should go very well.	article-london-talks;cnbc-2025-06-06-london
--- status 0
