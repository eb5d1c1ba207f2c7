# text of several lines replaces a block scalar as a literal block, indented
# like the one it replaces; "|-" when it ends without a line break
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb set cn $'notes=First line\nsecond line\n' && kbq --kb kb set lutnick $'notes=one\ntwo' && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb
--- stdout
kb/actors.yaml:13:3: cn: changed
kb/actors.yaml:34:3: lutnick: changed
== actors.yaml
@@ -19,8 +19,8 @@
     # the long form
     - People's Republic of China
   notes: |
-    Two lines
-    of notes.
+    First line
+    second line
 
 # --- bodies and people
 
@@ -37,9 +37,9 @@
   name: "Howard Lutnick"
   country: us
   born: 1961-07-14
-  notes: >-
-    Folded text
-    on two lines.
+  notes: |-
+    one
+    two
   tags:
   - cabinet
   - commerce
