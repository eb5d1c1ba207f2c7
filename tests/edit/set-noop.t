# a change to the value already there prints nothing and writes nothing
$ cp -r styles $SCRATCH/kb && cd $SCRATCH && kbq --kb kb set us 'name=United States' aliases=USA aliases=U.S. && echo "exit $?" && $OLDPWD/../../edit/changes.sh $OLDPWD/styles kb
--- stdout
exit 0
