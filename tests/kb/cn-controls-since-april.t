# which controls China has imposed since April 2025
$ kbq controls imposed_by=cn 'since>=2025-04' -o id
--- stdout
cn-rare-earths-2025
--- status 0
