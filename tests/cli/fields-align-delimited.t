# tsv/csv/text: an absent position is an empty element; a position that holds a list is joined, then escaped again as one element ('\;' between its elements); text joins with '; '
$ kbq --kb garden tasks id=t5 or id=t6 --fields id,lead.skills,lead.mentor.name,crew.name -o tsv; kbq --kb garden tasks id=t5 or id=t6 --fields id,lead.skills,lead.mentor.name,crew.name -o csv | tr -d '\r'; kbq --kb garden tasks id=t5 or id=t6 --fields id,lead.skills,lead.mentor.name,crew.name
--- stdout
id	lead.skills	lead.mentor.name	crew.name
t5	pruning\;grafting;weeding	;Ines	Ines
t6			Kim;
id,lead.skills,lead.mentor.name,crew.name
t5,pruning\;grafting;weeding,;Ines,Ines
t6,,,Kim;
id  lead.skills                  lead.mentor.name  crew.name
t5  pruning\; grafting; weeding  ; Ines            Ines
t6                                                 Kim; 
--- status 0
