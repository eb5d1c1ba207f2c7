# rm of a record between others: its lines and the blank lines after it; a
# comment above it with a blank line between stays
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb rm mofcom && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb
--- stdout
kb/actors.yaml:27:3: mofcom: removed
== actors.yaml
@@ -24,12 +24,6 @@
 
 # --- bodies and people
 
-- country: cn
-  id: mofcom
-  kind: actor
-  type: body
-  name: Ministry of Commerce
-
 # the commerce secretary
 - id: lutnick
   kind: actor
