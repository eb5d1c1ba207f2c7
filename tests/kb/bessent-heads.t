# which talks Scott Bessent is recorded as heading: Geneva (the London
# record names only China's head, as the seed article does)
$ kbq agreements heads=bessent -o id
--- stdout
geneva-talks-2025
--- status 0
