# rm in every layout: a flow record of two lines (CRLF), the first and the
# last document of a file (BOM, no final newline), an element of a flow list
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb rm ctl-c && kbq --kb kb rm --force src-a && kbq --kb kb rm fs-1 && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb && cp -r $OLDPWD/styles kb2 && kbq --kb kb2 rm src-b && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb2
--- stdout
kb/controls.yaml:3:3: ctl-c: removed
kb/sources.yaml:3:1: src-a: removed
kb/flowseq.yaml:1:3: fs-1: removed
== controls.yaml
@@ -1,4 +1,2 @@
 - {id: ctl-a, kind: control, name: Rare earth licensing, imposed_by: cn, status: in-force, items: [samarium, terbium]}\r
 - {id: ctl-b, kind: control, name: EDA software, imposed_by: us, related: [ctl-a]}\r
-- {id: ctl-c, kind: control,\r
-   name: Chips, imposed_by: us}\r
== flowseq.yaml
@@ -1,2 +1 @@
-[ {id: fs-1, kind: source, name: Flow one},
-  {id: fs-2, kind: source, name: Flow two} ]
+[ {id: fs-2, kind: source, name: Flow two} ]
== sources.yaml
@@ -1,10 +1,4 @@
-<BOM># Sources, one document each.
----
-id: src-a
-kind: source
-name: Article A
-url: https://example.com/a
----
+<BOM>---
 id: src-b
 kind: source
 name: Article B
kb2/sources.yaml:8:1: src-b: removed
== sources.yaml
@@ -3,9 +3,4 @@
 id: src-a
 kind: source
 name: Article A
-url: https://example.com/a
----
-id: src-b
-kind: source
-name: Article B
-title: "A title: with a colon"
\ No newline at end of file
+url: https://example.com/a
\ No newline at end of file
