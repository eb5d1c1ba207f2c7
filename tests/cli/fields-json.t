# --fields with -o json: the keys are the paths as written; a path through a list (authors.name) is an array; an absent scalar has no key
$ kbq --kb library books genre=tales --fields id,authors.name,publisher.city,isbn -o json
--- stdout
[
{"id":"fairy-tales","authors.name":["Hans Christian Andersen"],"publisher.city":"København"},
{"id":"nordic-tales","authors.name":["Hans Christian Andersen","Karen Blixen"],"publisher.city":"København"},
{"id":"nordic-tales-2","authors.name":["Hans Christian Andersen","Karen Blixen"],"publisher.city":"København"}
]
--- status 0
