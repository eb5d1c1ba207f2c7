# show: an unknown id is an error with a did-you-mean suggestion, exit 2, nothing on stdout
$ kbq --kb library show kokoroo
--- stdout
--- stderr
kbq: error: unknown id or name 'kokoroo' (did you mean 'kokoro' (こゝろ)?)
--- status 2
