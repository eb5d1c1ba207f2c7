# set on a record that is a document of its own, last in a file with a BOM
# and no final newline: the BOM stays, and so does the missing newline
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb set src-b 'title=New title' url=https://example.com/b && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb
--- stdout
kb/sources.yaml:8:1: src-b: changed
== sources.yaml
@@ -8,4 +8,5 @@
 id: src-b
 kind: source
 name: Article B
-title: "A title: with a colon"
\ No newline at end of file
+title: New title
+url: https://example.com/b
\ No newline at end of file
