# -o tsv: header line; tab, newline and backslash escaped as \t, \n, \\; list elements joined with ;
$ kbq --kb library find id=madman or id=loan-4 or id=blixen --fields id,name,aliases,notes,borrower -o tsv
--- stdout
id	name	aliases	notes	borrower
blixen	Karen Blixen	Isak Dinesen;Tania	Lived at Rungstedlund.\nWrote in English, then in Danish.\n	
madman	狂人日记	A Madman's Diary;Diary of a Madman	First printed in New Youth.\tA short story, not a novel.	
loan-4	Fairy Tales to Kim			Kim "K"\tLarsen
--- status 0
