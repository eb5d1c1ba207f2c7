# set on a flow record in a CRLF file: the value and the flow list change in
# place, the line keeps its CRLF, the other lines stay
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb set ctl-a status=lifted items+=dysprosium && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb
--- stdout
kb/controls.yaml:1:3: ctl-a: changed
== controls.yaml
@@ -1,4 +1,4 @@
-- {id: ctl-a, kind: control, name: Rare earth licensing, imposed_by: cn, status: in-force, items: [samarium, terbium]}\r
+- {id: ctl-a, kind: control, name: Rare earth licensing, imposed_by: cn, status: lifted, items: [samarium, terbium, dysprosium]}\r
 - {id: ctl-b, kind: control, name: EDA software, imposed_by: us, related: [ctl-a]}\r
 - {id: ctl-c, kind: control,\r
    name: Chips, imposed_by: us}\r
