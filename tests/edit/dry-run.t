# -n: the change as a unified diff of the files, paths relative to the KB (a/
# and b/, so that patch -p1 in the KB applies it), CRs shown as \r; nothing
# written
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && { kbq --kb kb mv us usa -n && kbq --kb kb add source id=src-n name=N --file kb/new.yaml -n; } | sed -e 's/^/| /' -e 's/\r$/\\r/' && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb
--- stdout
| --- a/actors.yaml
| +++ b/actors.yaml
| @@ -3,7 +3,7 @@
|  
|  # --- countries
|  
| -- id: us   # the United States
| +- id: usa   # the United States
|    kind: actor
|    type: country
|    name: United States
| @@ -35,7 +35,7 @@
|    kind: actor
|    type: person
|    name: "Howard Lutnick"
| -  country: us
| +  country: usa
|    born: 1961-07-14
|    notes: >-
|      Folded text
| --- a/controls.yaml
| +++ b/controls.yaml
| @@ -1,4 +1,4 @@
|  - {id: ctl-a, kind: control, name: Rare earth licensing, imposed_by: cn, status: in-force, items: [samarium, terbium]}\r
| -- {id: ctl-b, kind: control, name: EDA software, imposed_by: us, related: [ctl-a]}\r
| +- {id: ctl-b, kind: control, name: EDA software, imposed_by: usa, related: [ctl-a]}\r
|  - {id: ctl-c, kind: control,\r
| -   name: Chips, imposed_by: us}\r
| +   name: Chips, imposed_by: usa}\r
| --- /dev/null
| +++ b/new.yaml
| @@ -0,0 +1,3 @@
| +- id: src-n
| +  kind: source
| +  name: "N"
