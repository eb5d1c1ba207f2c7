# symlinks are followed (a file link out of the KB), each directory read once (same -> data and loop -> . add nothing); files load in byte-wise path order
$ kbq --kb links find && kbq --kb links grep -c Thing -i
--- stdout
id        kind        name
flour     ingredient  Flour
egg       ingredient  Egg
milk      ingredient  Milk
pancakes  recipe      Pancakes
omelette  recipe      Omelette
feast     recipe      Feast
thing-1   thing       First thing
thing-2   thing       Second thing
4
--- status 0
