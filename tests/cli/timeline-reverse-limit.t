# timeline --reverse: latest first; --limit N keeps the first N rows; -c counts rows (date values), not records
$ kbq --kb library timeline kind=loan --reverse --limit 3 -o tsv; kbq --kb library timeline kind=loan -c
--- stdout
date	kind	id	field	name
2024-06-30	loan	loan-5	until	Africa to Ada
2024-06-01	loan	loan-5	since	Africa to Ada
2024-03-14	loan	loan-3	until	Madman to Li
9
--- status 0
