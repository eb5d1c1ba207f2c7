# add to a file of one record per document, with a BOM and no final newline:
# a new document, still no final newline
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb add source id=src-c 'name=Article C' --file kb/sources.yaml && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb
--- stdout
kb/sources.yaml:13:1: src-c: added
== sources.yaml
@@ -8,4 +8,8 @@
 id: src-b
 kind: source
 name: Article B
-title: "A title: with a colon"
\ No newline at end of file
+title: "A title: with a colon"
+---
+id: src-c
+kind: source
+name: Article C
\ No newline at end of file
