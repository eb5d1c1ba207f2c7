# new fields go after the record's last pair, at its indentation; an int and
# a date plain; a list in the style of the record's other list (flow)
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb set us seats=435 born=1776-07-04 tags=a tags=b && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb
--- stdout
kb/actors.yaml:6:3: us: changed
== actors.yaml
@@ -9,6 +9,9 @@
   name: United States
   aliases: [USA, "U.S."]
   sources: [src-a]
+  seats: 435
+  born: 1776-07-04
+  tags: [a, b]
 
 - id: cn
   kind: actor
