# an anchored value changed changes the records that merge or alias it: each is
# checked and reported; the anchor stays
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb set base-ctl imposed_by=us && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb
--- stdout
kb/anchors.yaml:2:3: base-ctl: changed
kb/anchors.yaml:8:3: merged-ctl: changed
kb/anchors.yaml:11:3: alias-ctl: changed
== anchors.yaml
@@ -3,7 +3,7 @@
   id: base-ctl
   kind: control
   name: Base control
-  imposed_by: &imp cn
+  imposed_by: &imp us
   status: announced
 - <<: *defaults
   id: merged-ctl
