# which US industries the rare-earth licensing hits
$ kbq controls id=cn-rare-earths-2025 --fields affected.name -o tsv
--- stdout
affected.name
US automotive industry;US electronics industry
--- status 0
