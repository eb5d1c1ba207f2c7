# who published the seed article, when and where: ChosunBiz's English
# edition, 9 June 2025, as a stored public copy shows
$ kbq sources id=article-london-talks --fields publisher,date,url -o tsv
--- stdout
publisher	date	url
ChosunBiz (English edition)	2025-06-09	https://prod.biz.chosun.com/en/en-international/2025/06/09/K45YW7RWLZCQDNOGGEI4T5FH6Y
--- status 0
