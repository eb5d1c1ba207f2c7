# --sort over mixed kinds: each value by its own field's type; values of other types and absent ones: absent last
$ kbq --kb library find kind=loan or kind=exhibition --sort name --fields id,name -o tsv
--- stdout
id	name
loan-5	Africa to Ada
loan-4	Fairy Tales to Kim
loan-1	Kokoro to Åse
loan-2	Left Hand to Pat
loan-3	Madman to Li
expo-2024	Nordic Tales
expo-asia	东亚文学 East Asian Letters
--- status 0
