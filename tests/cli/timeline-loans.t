# timeline: every date value of the matching records in date order (by start, then end, then file order): date, kind, id, field, name; a year or month is a period starting on its first day (2023 first, 2024-03 after 2024-02-29)
$ kbq --kb library timeline kind=loan
--- stdout
date        kind  id      field  name
2023        loan  loan-4  since  Fairy Tales to Kim
2023-12     loan  loan-4  until  Fairy Tales to Kim
2024-01-10  loan  loan-1  since  Kokoro to Åse
2024-02-10  loan  loan-1  until  Kokoro to Åse
2024-02-29  loan  loan-3  since  Madman to Li
2024-03     loan  loan-2  since  Left Hand to Pat
2024-03-14  loan  loan-3  until  Madman to Li
2024-06-01  loan  loan-5  since  Africa to Ada
2024-06-30  loan  loan-5  until  Africa to Ada
--- status 0
