# add to a file of flow records with CRLF line endings: a flow record, CRLF
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb add control id=ctl-d name=Tariffs imposed_by=us items=steel items=aluminium --file kb/controls.yaml && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb
--- stdout
kb/controls.yaml:5:3: ctl-d: added
== controls.yaml
@@ -2,3 +2,4 @@
 - {id: ctl-b, kind: control, name: EDA software, imposed_by: us, related: [ctl-a]}\r
 - {id: ctl-c, kind: control,\r
    name: Chips, imposed_by: us}\r
+- {id: ctl-d, kind: control, name: Tariffs, imposed_by: us, items: [steel, aluminium]}\r
