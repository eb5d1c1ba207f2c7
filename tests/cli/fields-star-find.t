# --fields '*' for find: id, kind, then every field of the records printed in order of first appearance; csv over mixed kinds has one header, the union
$ kbq --kb garden find kind=bed or kind=report --fields '*' -o csv | sed 's/\r/\\r/g'
--- stdout
id,kind,name,site,keeper,date,author,covers\r
b-north-1,bed,North 1,north,tom,,,\r
b-north-2,bed,North 2,north,ada,,,\r
b-south,bed,South,south,,,,\r
b-glass,bed,Glasshouse,greenhouse,ines,,,\r
r1,report,Spring weeding,,,2025-05-02,tom,t1;t3\r
r2,report,Harvest,,,2025-07-16,ines,t4\r
--- status 0
