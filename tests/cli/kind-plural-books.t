# a kind's plural from the fixture schema is a command: find restricted to that kind; text columns are id, name, then the required fields in schema order
$ kbq --kb library books
--- stdout
id              name                               authors           genre
fairy-tales     Fairy Tales, Told for Children     andersen          tales
kokoro          こゝろ                             soseki            novel
cat             吾輩は猫である                     soseki            novel
madman          狂人日记                           luxun             novel
out-of-africa   Out of Africa                      blixen            memoir
left-hand       The Left Hand of Darkness          leguin            novel
nordic-tales    Nordic Tales: "Andersen" & Blixen  andersen; blixen  tales
nordic-tales-2  Nordic Tales, second edition       andersen; blixen  tales
--- status 0
