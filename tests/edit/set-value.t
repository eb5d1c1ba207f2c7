# set: a value is replaced where it stands, written plain as every YAML reader
# reads it back; every other byte of every file stays
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb set lutnick 'name=Howard W. Lutnick' && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb
--- stdout
kb/actors.yaml:34:3: lutnick: changed
== actors.yaml
@@ -34,7 +34,7 @@
 - id: lutnick
   kind: actor
   type: person
-  name: "Howard Lutnick"
+  name: Howard W. Lutnick
   country: us
   born: 1961-07-14
   notes: >-
