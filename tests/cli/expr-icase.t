# -i makes = and ~ case-insensitive on text, UTF-8 included (Ærø/ærø), and enum values are then accepted in any case; without -i they are case-sensitive
$ for o in '' -i; do for t in 'name=marie ærø' 'name~ÆRØ$' 'aliases~^æRø'; do echo "$o $t:" $(kbq --kb library find $o "$t" -o id); done; done; for t in genre=NOVEL 'genre!=NOVEL'; do echo "-i $t:" $(kbq --kb library find -i "$t" -o id); done
--- stdout
 name=marie ærø:
 name~ÆRØ$:
 aliases~^æRø:
-i name=marie ærø: aero
-i name~ÆRØ$: aero
-i aliases~^æRø: aero
-i genre=NOVEL: kokoro cat madman left-hand
-i genre!=NOVEL: andersen blixen soseki luxun leguin aero fairy-tales out-of-africa nordic-tales nordic-tales-2 expo-2024 expo-asia loan-1 loan-2 loan-3 loan-4 loan-5 gyldendal reitzel putnam ace iwanami
--- status 0
