# -o csv: RFC 4180 (CRLF line ends, shown here as \r; fields with a comma, quote or line break quoted, quotes doubled; a tab as is); lists joined with ;
$ kbq --kb library find id=madman or id=loan-4 or id=blixen or id=loan-2 --fields id,name,aliases,notes,borrower -o csv | sed 's/\r/\\r/g'
--- stdout
id,name,aliases,notes,borrower\r
blixen,Karen Blixen,Isak Dinesen;Tania,"Lived at Rungstedlund.
Wrote in English, then in Danish.
",\r
madman,狂人日记,A Madman's Diary;Diary of a Madman,"First printed in New Youth.	A short story, not a novel.",\r
loan-2,Left Hand to Pat,,,"O'Brien, Pat"\r
loan-4,Fairy Tales to Kim,,,"Kim ""K""	Larsen"\r
--- status 0
