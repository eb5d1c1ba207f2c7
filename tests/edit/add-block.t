# add: to the file holding most records of the kind, after its last record,
# in its style (block, "- ", keys at column 3, one blank line between
# records); id and kind first, then the schema's order
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb add actor id=xi 'name=Xi Jinping' country=cn type=person && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb
--- stdout
kb/actors.yaml:47:3: xi: added
== actors.yaml
@@ -43,3 +43,9 @@
   tags:
   - cabinet
   - commerce
+
+- id: xi
+  kind: actor
+  name: Xi Jinping
+  type: person
+  country: cn
