# A.B follows a ref: to one kind, through a list of refs, over several steps, through a ref to a list of kinds (about) and to any kind (related)
$ for t in publisher.city=København authors.country=JP publisher.parent.name=Gyldendal 'about.name~Blixen' 'about.published<1900' 'related.name=Nordic Tales' 'shows.authors.name~Andersen'; do echo "$t:" $(kbq --kb library find "$t" -o id); done
--- stdout
publisher.city=København: fairy-tales out-of-africa nordic-tales nordic-tales-2
authors.country=JP: kokoro cat
publisher.parent.name=Gyldendal: fairy-tales
about.name~Blixen: out-of-africa nordic-tales nordic-tales-2
about.published<1900: nordic-tales nordic-tales-2
related.name=Nordic Tales: nordic-tales nordic-tales-2
shows.authors.name~Andersen: expo-2024
--- status 0
