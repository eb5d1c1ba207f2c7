# -i applies to the referring records' term; ^F with --count-by: the crew members of any task by role
$ kbq --kb garden gardeners -i '^lead.type=WEEDING' -o id; kbq --kb garden gardeners '^crew' --count-by role -o tsv
--- stdout
tom
role	count
volunteer	3
student	2
head	1
--- status 0
