# BIS runs the May 2025 licence requirement on EDA software (the controls
# whose authority is bis), not the engine and nuclear suspensions
$ kbq actors id=bis -F 'summary~licence requirement for chip-design (EDA)' -F 'notes~give the department as their authority' -o id
--- stdout
bis
--- status 0
