# what the United States has tightened: its export controls on China, by category
$ kbq controls imposed_by=us --fields id,categories,since -o tsv
--- stdout
id	categories	since
us-chips-2022	semiconductors;ai-chips	2022-10-07
us-ascend-2025	ai-chips;semiconductors	2025-05-13
us-eda-2025	eda-software;semiconductors	2025-05
us-aircraft-engines-2025	aircraft-engines	2025-05
us-nuclear-2025	nuclear-equipment	2025-05
--- status 0
