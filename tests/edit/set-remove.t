# F= removes a field's lines, a block list's included, up to the end of a file
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb set lutnick born= tags= && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb
--- stdout
kb/actors.yaml:34:3: lutnick: changed
== actors.yaml
@@ -36,10 +36,6 @@
   type: person
   name: "Howard Lutnick"
   country: us
-  born: 1961-07-14
   notes: >-
     Folded text
     on two lines.
-  tags:
-  - cabinet
-  - commerce
