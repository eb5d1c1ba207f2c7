# --fields paths through lists line up: one position per lead, null where the lead has no mentor, an array where the position holds a list; a list path with nothing to follow is []; 'ghost' names no record: null
$ kbq --kb garden tasks id=t4 or id=t5 or id=t6 --fields id,lead.name,lead.skills,lead.mentor.name,crew.name -o json
--- stdout
[
{"id":"t4","lead.name":["Ines"],"lead.skills":[["pruning","grafting"]],"lead.mentor.name":[null],"crew.name":["Ines","Kim"]},
{"id":"t5","lead.name":["Ines","Tom"],"lead.skills":[["pruning","grafting"],["weeding"]],"lead.mentor.name":[null,"Ines"],"crew.name":["Ines"]},
{"id":"t6","lead.name":[],"lead.skills":[],"lead.mentor.name":[],"crew.name":["Kim",null]}
]
--- status 0
