# rm: the record's lines and the comment directly above it; the last record
# of a file takes the blank lines before it too
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb rm lutnick && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb
--- stdout
kb/actors.yaml:34:3: lutnick: removed
== actors.yaml
@@ -29,17 +29,3 @@
   kind: actor
   type: body
   name: Ministry of Commerce
-
-# the commerce secretary
-- id: lutnick
-  kind: actor
-  type: person
-  name: "Howard Lutnick"
-  country: us
-  born: 1961-07-14
-  notes: >-
-    Folded text
-    on two lines.
-  tags:
-  - cabinet
-  - commerce
