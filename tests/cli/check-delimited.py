#!/usr/bin/env python3
"""check-delimited.py - kbq's csv and tsv output read back to the records.

    check-delimited.py KBQ DATADIR      (DATADIR: tests/data/cli)

For each fixture KB, every field of every record is asked for with
--fields; the csv output is parsed with Python's csv module (RFC 4180: CRLF
line ends, quoted fields) and the tsv output is split and unescaped (\\t,
\\n, \\r, \\\\, and \\xHH, \\uHHHH for every other control character,
SPEC sections 2 and 5); both must give back each record's values, list elements
joined with ';', as kbq's json output (checked by check-json.sh) holds them.
"""
import csv
import io
import json
import os
import subprocess
import sys

passed = failed = 0


def report(ok, what, detail=''):
    global passed, failed
    if ok:
        passed += 1
        print('ok', what)
    else:
        failed += 1
        print('FAIL', what)
        if detail:
            print(detail)


def kbq(*args):
    r = subprocess.run([KBQ, *args], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if r.returncode != 0:
        raise RuntimeError('kbq %s: exit %d: %s' %
                           (' '.join(args), r.returncode, r.stderr.decode()))
    return r.stdout.decode('utf-8')


def expected(records, fields):
    rows = []
    for r in records:
        row = []
        for f in fields:
            v = r.get(f, '')
            row.append(';'.join(v) if isinstance(v, list) else v)
        rows.append(row)
    return rows


def tsv_unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == '\\' and i + 1 < len(s):
            c = s[i + 1]
            if c in 'xu':
                n = 2 if c == 'x' else 4
                h = s[i + 2:i + 2 + n]
                if len(h) != n or any(d not in '0123456789abcdef' for d in h):
                    raise ValueError('bad tsv escape \\%s%s in %r' % (c, h, s))
                out.append(chr(int(h, 16)))
                i += 2 + n
                continue
            out.append({'t': '\t', 'n': '\n', 'r': '\r', '\\': '\\'}.get(c))
            if out[-1] is None:
                raise ValueError('bad tsv escape \\%s in %r' % (c, s))
            i += 2
        elif s[i] == '\\':
            raise ValueError('lone backslash at the end of %r' % s)
        else:
            out.append(s[i])
            i += 1
    return ''.join(out)


# What tsv must never carry raw (SPEC 2): C0 but the tab and line feed that
# separate fields and rows, DEL, C1, U+2028/2029 and the bidi controls.
RAW = set(chr(c) for c in range(0x20) if c not in (9, 10)) | \
    set(chr(c) for c in range(0x7f, 0xa0)) | \
    set('\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e'
        '\u2066\u2067\u2068\u2069')


def check(name, base):
    records = json.loads(kbq(*base, 'find', '-o', 'json'))
    fields = []
    for r in records:
        for k in r:
            # --fields splits at ',' and follows refs at '.'
            if k not in fields and ',' not in k and '.' not in k:
                fields.append(k)
    want = expected(records, fields)
    flist = ','.join(fields)

    out = kbq(*base, 'find', '--fields', flist, '-o', 'csv')
    rows = list(csv.reader(io.StringIO(out, newline=''), strict=True))
    report(rows[:1] == [fields], '%s: csv header' % name)
    report(rows[1:] == want, '%s: csv rows read back (%d records, %d fields)'
           % (name, len(want), len(fields)),
           '\n'.join('%r\n  != %r' % (a, b)
                     for a, b in zip(rows[1:], want) if a != b))
    # RFC 4180: every record ends in CRLF; no bare LF or CR outside quotes
    bare = False
    quoted = False
    for i, c in enumerate(out):
        if c == '"':
            quoted = not quoted
        elif not quoted and c == '\n' and (i == 0 or out[i - 1] != '\r'):
            bare = True
        elif not quoted and c == '\r' and out[i + 1:i + 2] != '\n':
            bare = True
    report(out.endswith('\r\n') and not bare and not quoted,
           '%s: csv lines end in CRLF' % name)

    out = kbq(*base, 'find', '--fields', flist, '-o', 'tsv')
    raw = sorted(set(out) & RAW)
    report(not raw, '%s: tsv holds no raw control character' % name,
           'raw: %r' % raw)
    lines = out.split('\n')
    report(lines[-1] == '' and len(lines) == len(records) + 2,
           '%s: tsv has one line a record, each ending in a newline' % name)
    try:
        rows = [[tsv_unescape(c) for c in l.split('\t')] for l in lines[:-1]]
    except ValueError as e:
        report(False, '%s: tsv escapes' % name, str(e))
        return
    report(rows[:1] == [fields], '%s: tsv header' % name)
    report(rows[1:] == want, '%s: tsv rows read back' % name,
           '\n'.join('%r\n  != %r' % (a, b)
                     for a, b in zip(rows[1:], want) if a != b))


if len(sys.argv) != 3:
    sys.exit('usage: check-delimited.py KBQ DATADIR')
KBQ = os.path.abspath(sys.argv[1])
os.chdir(sys.argv[2])
os.environ.pop('KBQ_KB', None)
check('library', ['--kb', 'library'])
check('schema-less', ['--kb', 'plain'])
check('tricky values', ['--kb', 'tricky'])
check('single file', ['--kb', 'single.yaml', '--schema', 'single-schema.yaml'])
print('%d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
