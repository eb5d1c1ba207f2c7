# a list field satisfies =, ~ and comparisons if any element does; != and !~ are their negations (no element equal / matching)
$ for t in tags=hugo 'tags!=hugo' 'aliases~Diary' 'aliases!~a' 'authors=blixen' 'authors!=blixen' 'about>b'; do echo "$t:" $(kbq --kb library find "$t" -o id); done
--- stdout
tags=hugo: left-hand
tags!=hugo: andersen blixen soseki luxun leguin aero fairy-tales kokoro cat madman out-of-africa nordic-tales nordic-tales-2 expo-2024 expo-asia loan-1 loan-2 loan-3 loan-4 loan-5 gyldendal reitzel putnam ace iwanami
aliases~Diary: madman
aliases!~a: andersen luxun leguin kokoro out-of-africa left-hand nordic-tales nordic-tales-2 expo-2024 expo-asia loan-1 loan-2 loan-3 loan-4 loan-5 gyldendal reitzel putnam ace
authors=blixen: out-of-africa nordic-tales nordic-tales-2
authors!=blixen: andersen blixen soseki luxun leguin aero fairy-tales kokoro cat madman left-hand expo-2024 expo-asia loan-1 loan-2 loan-3 loan-4 loan-5 gyldendal reitzel putnam ace iwanami
about>b: out-of-africa nordic-tales nordic-tales-2
--- status 0
