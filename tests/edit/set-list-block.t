# set on a block list: the elements kept stay (the comment between them too),
# the one removed loses its line, the new one goes after the last one kept
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb set cn aliases+=Zhongguo aliases-=PRC && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb
--- stdout
kb/actors.yaml:13:3: cn: changed
== actors.yaml
@@ -15,9 +15,9 @@
   type: country
   name: 'China'
   aliases:
-    - PRC
     # the long form
     - People's Republic of China
+    - Zhongguo
   notes: |
     Two lines
     of notes.
