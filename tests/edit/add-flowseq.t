# add to a flow list of records: after the last, with the separator between
# the two before it
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb add source id=fs-3 'name=Flow three' --file kb/flowseq.yaml && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb
--- stdout
kb/flowseq.yaml:3:3: fs-3: added
== flowseq.yaml
@@ -1,2 +1,3 @@
 [ {id: fs-1, kind: source, name: Flow one},
-  {id: fs-2, kind: source, name: Flow two} ]
+  {id: fs-2, kind: source, name: Flow two},
+  {id: fs-3, kind: source, name: Flow three} ]
