# -i makes = and ~ case-insensitive on text, UTF-8 included (Ærø/ærø); without -i they are case-sensitive
$ for o in '' -i; do for t in genre=NOVEL 'name=marie ærø' 'name~ÆRØ$' 'aliases~^æRø' 'genre!=NOVEL'; do echo "$o $t:" $(kbq --kb library find $o "$t" -o id); done; done
--- stdout
 genre=NOVEL:
 name=marie ærø:
 name~ÆRØ$:
 aliases~^æRø:
 genre!=NOVEL: andersen blixen soseki luxun leguin aero fairy-tales kokoro cat madman out-of-africa left-hand nordic-tales nordic-tales-2 expo-2024 expo-asia loan-1 loan-2 loan-3 loan-4 loan-5 gyldendal reitzel putnam ace iwanami
-i genre=NOVEL: kokoro cat madman left-hand
-i name=marie ærø: aero
-i name~ÆRØ$: aero
-i aliases~^æRø: aero
-i genre!=NOVEL: andersen blixen soseki luxun leguin aero fairy-tales out-of-africa nordic-tales nordic-tales-2 expo-2024 expo-asia loan-1 loan-2 loan-3 loan-4 loan-5 gyldendal reitzel putnam ace iwanami
--- status 0
