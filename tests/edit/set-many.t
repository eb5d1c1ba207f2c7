# set on several records: a new field after the last pair of each flow record,
# on the line of that pair (two pairs share it in ctl-c); a valid date plain
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb set ctl-b ctl-c since=2025-04 && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb
--- stdout
kb/controls.yaml:2:3: ctl-b: changed
kb/controls.yaml:3:3: ctl-c: changed
== controls.yaml
@@ -1,4 +1,4 @@
 - {id: ctl-a, kind: control, name: Rare earth licensing, imposed_by: cn, status: in-force, items: [samarium, terbium]}\r
-- {id: ctl-b, kind: control, name: EDA software, imposed_by: us, related: [ctl-a]}\r
+- {id: ctl-b, kind: control, name: EDA software, imposed_by: us, related: [ctl-a], since: 2025-04}\r
 - {id: ctl-c, kind: control,\r
-   name: Chips, imposed_by: us}\r
+   name: Chips, imposed_by: us, since: 2025-04}\r
