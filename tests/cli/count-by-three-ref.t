# --count-by with three paths, the first through a list of refs: t5 has two leads (a head and a volunteer) and counts once in each row; t6 has no lead
$ kbq --kb garden tasks --count-by lead.role,type,status -o csv | sed 's/\r/\\r/g'
--- stdout
lead.role,type,status,count\r
volunteer,weeding,done,2\r
,sowing,planned,1\r
head,harvest,planned,1\r
head,pruning,,1\r
volunteer,pruning,,1\r
volunteer,sowing,done,1\r
--- status 0
