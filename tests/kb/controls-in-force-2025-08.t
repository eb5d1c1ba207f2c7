# which controls are still in force on 1 August 2025: the EDA requirement
# (lifted in July) and the aircraft-engine suspension (lifted 3 July) are not
$ kbq controls --as-of 2025-08-01 -o id
--- stdout
cn-rare-earths-2025
us-chips-2022
us-ascend-2025
us-nuclear-2025
--- status 0
