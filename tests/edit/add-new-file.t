# add --file to a file that does not exist yet: it is created, a block list
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb add source id=src-n 'name=New source' url=https://example.com/n --file kb/new.yaml && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb && kbq --kb kb find id=src-n -o id
--- stdout
kb/new.yaml:1:3: src-n: added
+ new.yaml
- id: src-n
  kind: source
  name: New source
  url: https://example.com/n
src-n
