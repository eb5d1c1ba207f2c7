# rm --force removes it anyway; the dangling refs are validate's to report
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb rm --force us && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb && kbq --kb kb validate
--- stdout
kb/actors.yaml:6:3: us: removed
== actors.yaml
@@ -3,13 +3,6 @@
 
 # --- countries
 
-- id: us   # the United States
-  kind: actor
-  type: country
-  name: United States
-  aliases: [USA, "U.S."]
-  sources: [src-a]
-
 - id: cn
   kind: actor
   type: country
--- stderr
kbq: kb/actors.yaml:31:12: error: dangling ref 'us' in field 'country'
kbq: kb/controls.yaml:2:62: error: dangling ref 'us' in field 'imposed_by'
kbq: kb/controls.yaml:4:29: error: dangling ref 'us' in field 'imposed_by'
kbq: 3 problems in 3 of 14 records
--- status 1
