#!/usr/bin/env python3
"""escape.py - every control character a KB can hold, through every command.

    escape.py KBQ

SPEC section 5: human-readable output (text tables, show, grep, timeline,
stats, schema, help, -o id, every diagnostic) never writes a C0 or C1
control, DEL, U+2028/2029 or a bidi control taken from the KB, nor a byte
that is not UTF-8; each is written as an escape (\\n \\t \\r \\xHH \\uHHHH).
The machine formats carry the values exactly: json and jsonl (read with
Python's json), yaml (read with PyYAML when it is installed), tsv (its
escapes undone) and csv (raw, read with Python's csv module).

The KBs are built here, in a temporary directory: ids, kinds, keys, values,
file names, and a schema's kinds, plurals, fields, enum values and
descriptions hold each such character, followed by the word FORGED.  A
check fails when human-readable output holds one of the characters raw, or
when a line of it starts with FORGED (a line break got through), or when
an expected escape is missing.
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    yaml = None

# Every character SPEC 5 names, NUL aside (a NUL in a value is an error).
HOSTILE = [chr(c) for c in range(1, 0x20)] + ['\x7f'] + \
    [chr(c) for c in range(0x80, 0xa0)] + \
    ['\u2028', '\u2029', '\u061c', '\u200e', '\u200f'] + \
    [chr(c) for c in range(0x202a, 0x202f)] + \
    [chr(c) for c in range(0x2066, 0x206a)]
RAW = set(HOSTILE)


def expect_escape(ch):
    """The escape SPEC 5 prescribes, written from the SPEC, not from kbq."""
    if ch in '\n\t\r':
        return {'\n': '\\n', '\t': '\\t', '\r': '\\r'}[ch]
    if ord(ch) < 0x80:
        return '\\x%02x' % ord(ch)
    return '\\u%04x' % ord(ch)


def human(s):
    """A string as human-readable output must show it."""
    return ''.join(expect_escape(c) if c in RAW else c for c in s)


def yq(s):
    """A YAML double-quoted scalar holding s exactly."""
    out = []
    for c in s:
        if c == '"' or c == '\\':
            out.append('\\' + c)
        elif c in RAW or ord(c) < 0x20:
            out.append('\\x%02x' % ord(c) if ord(c) < 0x100 else
                       '\\u%04x' % ord(c))
        else:
            out.append(c)
    return '"' + ''.join(out) + '"'


passed = failed = 0


def report(ok, what, detail=''):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print('FAIL', what)
        if detail:
            print('  ' + detail[:2000].replace('\n', '\n  '))


def run(*args, stdin=None):
    r = subprocess.run([KBQ, *args], input=stdin, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, cwd=TMP,
                       env={'PATH': os.environ.get('PATH', '/usr/bin:/bin'),
                            'LC_ALL': 'C.UTF-8', 'TERM': 'dumb'})
    return (r.returncode, r.stdout.decode('utf-8', 'surrogateescape'),
            r.stderr.decode('utf-8', 'surrogateescape'))


def clean(what, text, must_contain=()):
    """Human-readable text: nothing raw, no forged line, escapes present."""
    raw = sorted(set(text) & (RAW - {'\n'}))
    # a byte that is not UTF-8 comes back from surrogateescape as U+DC80..
    bad = sorted(c for c in set(text) if '\udc80' <= c <= '\udcff')
    report(not raw and not bad, '%s: no raw control character' % what,
           'raw: %r' % (raw + bad))
    forged = [l for l in text.split('\n') if l.startswith('FORGED')]
    report(not forged, '%s: no line starts inside a value' % what,
           'forged: %r' % forged[:3])
    missing = [m for m in must_contain if m not in text]
    report(not missing, '%s: escapes shown' % what, 'missing: %r' % missing)


def tsv_unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == '\\':
            c = s[i + 1]
            if c in 'xu':
                n = 2 if c == 'x' else 4
                out.append(chr(int(s[i + 2:i + 2 + n], 16)))
                i += 2 + n
                continue
            out.append({'t': '\t', 'n': '\n', 'r': '\r', '\\': '\\'}[c])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return ''.join(out)


# ---- a schema-less KB: every character in ids, kinds, keys, values and
# ---- file names ------------------------------------------------------------
def build_plain(root):
    records = []
    for n, ch in enumerate(HOSTILE):
        rid = 'r%02x%sFORGED' % (n, ch)
        records.append({
            'id': rid,
            'kind': 'k%sFORGED' % ch,
            'name': 'name %sFORGED' % ch,
            'key%02x%sFORGED' % (n, ch): 'value%sFORGED' % ch,
            'note': 'note %sFORGED end' % ch,
            'when': '2025-01-%02d' % (n % 28 + 1),
        })
    # refs, so that show prints names of referenced and referring records
    for i, r in enumerate(records):
        r['link'] = records[(i + 1) % len(records)]['id']
    # files whose names hold the characters too (and one Latin-1 byte)
    names = [('f%02x%s.yaml' % (i, ch)).encode('utf-8')
             for i, ch in enumerate(['\n', '\x1b', '\x9b', '\u202e', '\t'])]
    names.append(b'f\xe9-latin1.yaml')
    per = (len(records) + len(names) - 1) // len(names)
    for i, fname in enumerate(names):
        chunk = records[i * per:(i + 1) * per]
        with open(os.path.join(os.fsencode(root), fname), 'w',
                  encoding='utf-8') as f:
            for r in chunk:
                first = True
                for k, v in r.items():
                    f.write('%s%s: %s\n' % ('- ' if first else '  ', yq(k),
                                            yq(v)))
                    first = False
    return records


def check_plain():
    kb = os.path.join(TMP, 'plain')
    os.mkdir(kb)
    records = build_plain(kb)
    ids = [r['id'] for r in records]
    by_id = {r['id']: r for r in records}

    # -o id: one line per record, each id escaped exactly as SPEC says
    rc, out, err = run('--kb', 'plain', 'find', '-o', 'id')
    report(rc == 0, 'find -o id: exit 0', err)
    report(out == ''.join(human(i) + '\n' for i in ids),
           'find -o id: every id escaped, one a line', out[:600])
    clean('find -o id', out + err)
    rc, out, err = run('--kb', 'plain', 'find', '-0')
    report(out == ''.join(human(i) + '\0' for i in ids),
           'find -0: every id escaped, NUL after each', repr(out[:300]))

    # the text table, show, grep, timeline, stats, schema, help
    rc, out, err = run('--kb', 'plain', 'find')
    report(rc == 0 and len(out.split('\n')) == len(records) + 2,
           'find (text): a header and one line a record', out[:600])
    clean('find (text)', out + err, [human(ids[10]), '\\u202e', '\\x1b'])
    rc, out, err = run('--kb', 'plain', 'find', '--fields',
                       'id,name,note,link.name')
    clean('find --fields (text)', out + err, ['\\u009b', '\\x7f'])
    for i in (9, 10, 13, 27, 31, 60):
        rc, out, err = run('--kb', 'plain', 'show', ids[i])
        report(rc == 0, 'show %r: exit 0' % ids[i], err)
        clean('show %r' % ids[i], out + err,
              [human(ids[i]), human(records[i]['note']),
               human(records[i - 1]['id'])])
    rc, out, err = run('--kb', 'plain', 'grep', 'FORGED')
    nvalues = sum(1 for r in records for k, v in r.items()
                  if k != 'kind' and 'FORGED' in v)
    report(rc == 0 and out.count('\n') == nvalues,
           'grep: one line a matching value (%d)' % nvalues,
           'lines: %d' % out.count('\n'))
    clean('grep', out + err, ['\\n', '\\r', '\\u2029', human(ids[5])])
    rc, out, err = run('--kb', 'plain', '--color=always', 'grep', 'FORGED')
    # colour is kbq's own ESC: strip exactly the SGR sequences kbq writes
    import re
    clean('grep --color=always',
          re.sub('\x1b\\[[0-9;]*m', '', out) + err, ['\\x1b'])
    for fmt in ('text', 'id', 'tsv'):
        rc, out, err = run('--kb', 'plain', 'timeline', '-o', fmt)
        report(rc == 0 and out.count('\n') ==
               len(records) + (0 if fmt == 'id' else 1),
               'timeline -o %s: one line a date' % fmt, out[:400])
        if fmt != 'tsv':
            clean('timeline -o %s' % fmt, out + err, [human(ids[3])])
    rc, out, err = run('--kb', 'plain', 'stats')
    clean('stats', out + err, [human(records[1]['kind'])])
    rc, out, err = run('--kb', 'plain', 'schema')
    clean('schema (schema-less)', out + err)

    # machine formats: the exact values
    rc, out, err = run('--kb', 'plain', 'find', '-o', 'json')
    got = json.loads(out)
    report([{k: v for k, v in r.items()} for r in got] == records,
           'find -o json: exact values')
    rc, out, err = run('--kb', 'plain', 'find', '-o', 'jsonl')
    got = [json.loads(l) for l in out.splitlines()]
    report(got == records, 'find -o jsonl: exact values')
    rc, out, err = run('--kb', 'plain', 'timeline', '-o', 'json')
    got = json.loads(out)
    report(sorted(r['id'] for r in got) == sorted(ids) and
           all(by_id[r['id']]['name'] == r['name'] for r in got),
           'timeline -o json: exact ids and names')
    rc, out, err = run('--kb', 'plain', 'show', ids[27], '-o', 'json')
    report(json.loads(out) == [records[27]], 'show -o json: exact record')
    if yaml:
        rc, out, err = run('--kb', 'plain', 'find', '-o', 'yaml')
        got = [d for d in yaml.safe_load_all(out)]
        report(got == records, 'find -o yaml: PyYAML reads the exact values')
    rc, out, err = run('--kb', 'plain', 'find', '-o', 'yaml')
    with open(os.path.join(TMP, 'back.yaml'), 'w', encoding='utf-8',
              errors='surrogateescape') as f:
        f.write(out)
    rc2, out2, err2 = run('--kb', 'back.yaml', 'find', '-o', 'json')
    report(rc2 == 0 and json.loads(out2) == records,
           'find -o yaml: kbq reads the exact values back', err2)
    fields = ['id', 'kind', 'name', 'note', 'link', 'link.name']
    want = [[r['id'], r['kind'], r['name'], r['note'], r['link'],
             by_id[r['link']]['name']] for r in records]
    rc, out, err = run('--kb', 'plain', 'find', '--fields', ','.join(fields),
                       '-o', 'tsv')
    raw = sorted(set(out) & (RAW - {'\n', '\t'}))
    report(not raw, 'find -o tsv: no raw control character', repr(raw))
    rows = [[tsv_unescape(c) for c in l.split('\t')]
            for l in out.split('\n')[:-1]]
    report(rows == [fields] + want, 'find -o tsv: exact values')
    rc, out, err = run('--kb', 'plain', 'find', '--fields', ','.join(fields),
                       '-o', 'csv')
    rows = list(csv.reader(io.StringIO(out, newline='')))
    report(rows == [fields] + want, 'find -o csv: exact values, raw')

    # words of the command line quoted in errors
    rc, out, err = run('--kb', 'plain', 'show', 'zz\x1b[2Jzz\nFORGED')
    report(rc == 2 and err.count('\n') == 1, 'show unknown id: one line', err)
    clean('show unknown id', out + err, ['\\x1b[2J'])
    rc, out, err = run('--kb', 'plain', 'find', 'no\x1bpe\nFORGED')
    clean('find with a hostile word', out + err, ['\\x1b'])


# ---- a schema whose kinds, plurals, fields, values and descriptions are
# ---- hostile, and the diagnostics validate prints -----------------------------
def check_schema():
    kb = os.path.join(TMP, 'schema')
    os.mkdir(kb)
    ch = HOSTILE
    kinds = {}
    with open(os.path.join(kb, 'schema.yaml'), 'w', encoding='utf-8') as f:
        f.write('kinds:\n')
        for i in range(0, len(ch), 8):
            group = ch[i:i + 8]
            kname = 'kind%02x%sFORGED' % (i, group[0])
            plural = 'plural%02x%sFORGED' % (i, group[-1])
            kinds[kname] = plural
            f.write('  %s:\n    plural: %s\n    description: %s\n'
                    '    fields:\n' % (yq(kname), yq(plural),
                                       yq('about ' + ''.join(group) +
                                          'FORGED')))
            for j, c in enumerate(group):
                f.write('      %s: {type: enum, values: [%s, %s], '
                        'description: %s}\n'
                        % (yq('f%d%sFORGED' % (j, c)),
                           yq('v%sFORGED' % c), yq('w'),
                           yq('d%sFORGED' % c)))
    with open(os.path.join(kb, 'r.yaml'), 'w', encoding='utf-8') as f:
        for i, (kname, plural) in enumerate(kinds.items()):
            c = ch[i * 8]
            # a good value, an enum value not in the list, an unknown key
            f.write('- id: %s\n  kind: %s\n  %s: %s\n  %s: %s\n  %s: x\n'
                    % (yq('s%02x' % i), yq(kname),
                       yq('f0%sFORGED' % c), yq('v%sFORGED' % c),
                       yq('f1%sFORGED' % ch[i * 8 + 1]),
                       yq('bad%sFORGED' % ch[i * 8 + 2]),
                       yq('unknown%sFORGED' % ch[i * 8 + 3])))
    rc, out, err = run('--kb', 'schema', 'schema')
    report(rc == 0, 'schema: exit 0', err)
    clean('schema', out + err, [human(k) for k in kinds] +
          [human(p) for p in kinds.values()])
    rc, out, err = run('--kb', 'schema', 'stats')
    clean('stats (schema)', out + err, [human(k) for k in kinds])
    rc, out, err = run('--kb', 'schema', 'validate')
    report(rc == 1 and err.count('\n') == 2 * len(kinds) + 1,
           'validate: one line a problem, and the summary', err)
    clean('validate', out + err, [human('bad%sFORGED' % ch[2]),
                                  human('unknown%sFORGED' % ch[3])])
    rc, out, err = run('--kb', 'schema', 'validate', '-o', 'json')
    got = json.loads(out)
    report(any(('unknown%sFORGED' % ch[3]) in d['message'] for d in got),
           'validate -o json: exact text in messages')
    plural = list(kinds.values())[1]
    rc, out, err = run('--kb', 'schema', plural)
    report(rc == 0, 'a hostile plural as a command: exit 0', err)
    clean('a hostile plural as a command', out + err)
    rc, out, err = run('--kb', 'schema', 'help', plural)
    clean('help of a hostile plural', out + err, [human(plural)])
    rc, out, err = run('--kb', 'schema', 'schema', '--list=plurals')
    report(out == ''.join(human(p) + '\n' for p in kinds.values()),
           'schema --list=plurals: one escaped plural a line', out)


# ---- load-time diagnostics: one line each, escaped ------------------------------
def check_structural():
    cases = {
        'duplicate id': '- {id: %s, kind: a}\n- {id: %s, kind: a}\n'
                        % (yq('d\nFORGED\x1b'), yq('d\nFORGED\x1b')),
        'missing kind': '- id: %s\n' % yq('m\nFORGED\u202e'),
        'duplicate key': '- id: x\n  kind: a\n  %s: 1\n  %s: 2\n'
                         % (yq('k\nFORGED\x9b'), yq('k\nFORGED\x9b')),
        'nested mapping': '- id: x\n  kind: a\n  %s: {a: b}\n'
                          % yq('n\nFORGED\x07'),
        'kind not text': '- id: x\n  kind: [%s]\n' % yq('\x1b]0;t\x07'),
    }
    for what, text in cases.items():
        d = os.path.join(TMP, 'bad-' + what.replace(' ', '-'))
        os.mkdir(d)
        with open(os.path.join(d, 'x\x1b[31m\nFORGED.yaml'), 'w',
                  encoding='utf-8') as f:
            f.write(text)
        rc, out, err = run('--kb', os.path.basename(d), 'find')
        report(rc == 2 and err.count('\n') == 1 and not out,
               '%s: exit 2, one diagnostic line' % what, err)
        clean(what, out + err, ['x\\x1b[31m\\nFORGED.yaml'])
        rc, out, err = run('--kb', os.path.basename(d), 'validate', '-o',
                           'json')
        report(rc == 2 and json.loads(out)[0]['file'].endswith(
            'x\x1b[31m\nFORGED.yaml'), '%s: validate -o json: exact file' % what,
            out)


if len(sys.argv) != 2:
    sys.exit('usage: escape.py KBQ')
KBQ = os.path.abspath(sys.argv[1])
TMP = tempfile.mkdtemp(prefix='kbq-escape-')
try:
    check_plain()
    check_schema()
    check_structural()
finally:
    shutil.rmtree(TMP)
print('%d passed, %d failed' % (passed, failed))
if yaml is None:
    print('note: PyYAML (python3-yaml) is missing: yaml was read back by kbq only')
sys.exit(1 if failed else 0)
