# ^F.G.H=x follows F backwards, then G and H forwards: plants and beds a task with a student in its crew targets; gardeners leading work in the greenhouse; three steps on from the crew
$ kbq --kb garden plants '^target.crew.role=student' -o id; echo -; kbq --kb garden beds '^target.crew.role=student' -o id; echo -; kbq --kb garden gardeners '^lead.target.site=greenhouse' -o id; echo -; kbq --kb garden gardeners '^crew.target.beds.site=south' -o id
--- stdout
potato
-
b-north-2
b-south
-
ines
tom
-
ines
kim
--- status 0
