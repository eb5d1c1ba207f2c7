# files read from a revision are named REV:PATH/FILE, with REV and PATH as
# written (PATH's trailing '/' dropped); PATH relative to the top of the
# repository, or with ./ and ../ to the current directory; a file is a KB
# too; $KBQ_KB takes REV:PATH as --kb does
$ cd r && kbq --kb c13:kb grep -F Rare; kbq --kb c01:kb/ grep -F Rare; kbq --kb HEAD~12:kb/controls.yaml grep -F Rare; cd kb && kbq --kb c01:./ find -o id kind=control; kbq --kb c01:../kb/events.yaml grep Geneva; KBQ_KB=c01:. kbq find -c; KBQ_KB=main~12:kb kbq find -c
--- stdout
c13:kb/controls.yaml:13:11:ctl-a.name: Rare earth export licensing
c01:kb/controls.yaml:3:9:ctl-a.name: Rare earth licensing
HEAD~12:kb/controls.yaml:3:9:ctl-a.name: Rare earth licensing
ctl-a
ctl-b
c01:../kb/events.yaml:3:9:ev1.name: Geneva talks
6
6
