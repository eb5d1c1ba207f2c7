# which controls the late-May 2025 press reports support: not the nuclear one
$ kbq controls sources=press-2025-05-us-licences -o id
--- stdout
us-eda-2025
us-aircraft-engines-2025
--- status 0
