# the same in yaml: nested block sequences, null where absent; an absent path has no key
$ kbq --kb garden tasks id=t5 or id=t6 --fields id,lead.skills,lead.mentor.name,crew.name -o yaml
--- stdout
---
id: t5
lead.skills:
  -
    - pruning
    - grafting
  -
    - weeding
lead.mentor.name:
  - null
  - Ines
crew.name:
  - Ines
---
id: t6
crew.name:
  - Kim
  - null
--- status 0
