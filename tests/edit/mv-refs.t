# mv: the id renamed, every ref to it rewritten, in every file, one line per
# record changed
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb mv us usa && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb && kbq --kb kb validate && kbq --kb kb find country=usa -o id && kbq --kb kb find imposed_by=usa -o id
--- stdout
kb/actors.yaml:6:3: us: renamed to usa
kb/actors.yaml:34:3: lutnick: changed
kb/controls.yaml:2:3: ctl-b: changed
kb/controls.yaml:3:3: ctl-c: changed
== actors.yaml
@@ -3,7 +3,7 @@
 
 # --- countries
 
-- id: us   # the United States
+- id: usa   # the United States
   kind: actor
   type: country
   name: United States
@@ -35,7 +35,7 @@
   kind: actor
   type: person
   name: "Howard Lutnick"
-  country: us
+  country: usa
   born: 1961-07-14
   notes: >-
     Folded text
== controls.yaml
@@ -1,4 +1,4 @@
 - {id: ctl-a, kind: control, name: Rare earth licensing, imposed_by: cn, status: in-force, items: [samarium, terbium]}\r
-- {id: ctl-b, kind: control, name: EDA software, imposed_by: us, related: [ctl-a]}\r
+- {id: ctl-b, kind: control, name: EDA software, imposed_by: usa, related: [ctl-a]}\r
 - {id: ctl-c, kind: control,\r
-   name: Chips, imposed_by: us}\r
+   name: Chips, imposed_by: usa}\r
lutnick
ctl-b
ctl-c
