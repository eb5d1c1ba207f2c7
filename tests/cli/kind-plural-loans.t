# loans: id, name, then book, borrower, since (the required fields)
$ kbq --kb library loans
--- stdout
id      name                book           borrower         since
loan-1  Kokoro to Åse       kokoro         Åse Nørgaard     2024-01-10
loan-2  Left Hand to Pat    left-hand      O'Brien, Pat     2024-03
loan-3  Madman to Li        madman         李伟             2024-02-29
loan-4  Fairy Tales to Kim  fairy-tales    Kim "K"\tLarsen  2023
loan-5  Africa to Ada       out-of-africa  Ada Lovelace     2024-06-01
--- status 0
