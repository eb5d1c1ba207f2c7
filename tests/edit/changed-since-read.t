# a file that changed on disk after kbq read it is not overwritten; nothing is
# written (KBQ_TEST_BEFORE_WRITE runs just before kbq checks and renames)
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && KBQ_TEST_BEFORE_WRITE='echo "# edited" >>kb/actors.yaml' kbq --kb kb mv us usa; s=$?; $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb; ls -a kb | grep -c '^\.actors'; exit $s
--- stdout
== actors.yaml
@@ -43,3 +43,4 @@
   tags:
   - cabinet
   - commerce
+# edited
0
--- stderr
kbq: kb/actors.yaml: error: it changed since kbq read it; nothing was written
--- status 2
