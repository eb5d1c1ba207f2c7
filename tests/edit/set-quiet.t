# -q: written, nothing printed
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb set -q us seats=435 && kbq --kb kb find id=us seats=435 -o id
--- stdout
us
