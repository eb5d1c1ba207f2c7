# --version prints "kbq X.Y.Z" (the project version), exit 0
$ kbq --version | sed -E 's/^kbq [0-9]+\.[0-9]+\.[0-9]+$/kbq X.Y.Z/'
--- stdout
kbq X.Y.Z
--- status 0
