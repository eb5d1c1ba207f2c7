# -o json escapes what JSON and YAML readers must not see raw: control characters, C1 controls (NEL), LS, PS, U+FFFE/U+FFFF; other UTF-8 stays as is
$ kbq --kb tricky find id=breaks -o jsonl
--- stdout
{"id":"breaks","kind":"odd","name":"line separators","a":"ls\u2028x","b":"ps\u2029x","c":"nel\u0085x","d":"bom﻿x","e":"ctl\u0001x","f":"del\u007fx","g":"esc\u001bx","h":"crlf\r\nx","i":"trailing newline\n","j":"\n","k":"c1\u0080x","l":"\u009f","m":"not a character \ufffe","n":"\uffff"}
--- status 0
