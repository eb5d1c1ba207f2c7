# which engines the US engine-licence suspension covered, and when it was
# lifted for them (Reuters, 3 July 2025)
$ kbq controls id=us-aircraft-engines-2025 --fields items,since,until -o tsv
--- stdout
items	since	until
LEAP-1C engines (CFM International) for COMAC's C919;CF34 engines (GE Aerospace) for COMAC's C909;other parts and technology for COMAC's C919	2025-05	2025-07-03
--- status 0
