# stats prints text or json: -h lists those two, and any other format is refused
$ kbq --kb library stats -o yaml; echo "status $?"; kbq stats -h | grep -e --output
--- stdout
status 2
  -o, --output FORMAT      text or json (default: text)
--- stderr
kbq: error: 'stats' prints text or json, not yaml
--- status 0
