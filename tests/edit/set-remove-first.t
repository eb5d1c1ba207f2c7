# F= on the pair after the '-' of a list element: the next key moves up
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb set mofcom country= && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb
--- stdout
kb/actors.yaml:27:3: mofcom: changed
== actors.yaml
@@ -24,8 +24,7 @@
 
 # --- bodies and people
 
-- country: cn
-  id: mofcom
+- id: mofcom
   kind: actor
   type: body
   name: Ministry of Commerce
