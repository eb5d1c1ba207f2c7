#!/usr/bin/env python3
r"""check-delimited.py - kbq's csv and tsv output read back to the records.

    check-delimited.py KBQ DATADIR      (DATADIR: tests/data/cli)

What each record holds is read from the fixture itself, with PyYAML's
composer (node by node: plain nulls, merge keys and the schema's list
fields applied as kbq-kb(5) says), never from kbq's own output.  For each
fixture KB every field of every record is asked for with --fields, then:

- csv is parsed with Python's csv module (RFC 4180: CRLF line ends, quoted
  fields); each cell must be exactly the SPEC's encoding of the value: a
  scalar as it is, a list's elements joined with ';', with ';' and '\'
  inside an element written '\;' and '\\';
- tsv is split at tabs; it must hold no raw control character, and each
  cell, unescaped (\t \n \r \\ \; \xHH \uHHHH) and, for a list, split at
  every ';' that is not escaped, must give back the value or the elements
  exactly.

Paths through lists (SPEC 2, `--fields` values line up) are checked the
same way on the library KB: one position per element passed through, an
absent field an empty element, a position that holds a list joined and
escaped again as one element.
"""
import csv
import io
import os
import subprocess
import sys

import yaml

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


# ---- the fixture, read without kbq ---------------------------------------

NULLS = ('', '~', 'null', 'Null', 'NULL')


def scalar(node):
    """The text of a scalar node, or None for a plain null."""
    if node.style is None and node.value in NULLS:
        return None
    return node.value


def value(node):
    """A field's value: a string, a list of strings, or None (absent)."""
    if isinstance(node, yaml.SequenceNode):
        vals = [scalar(n) for n in node.value]
        return vals if vals else None
    return scalar(node)


def mapping(node):
    """A record node as (key, value node) pairs, its own keys first, then
    those of the mappings a merge key (<<) names."""
    own, merged = [], []
    for k, v in node.value:
        if k.style is None and k.value == '<<':
            srcs = v.value if isinstance(v, yaml.SequenceNode) else [v]
            for m in srcs:
                merged.extend(mapping(m))
        else:
            own.append((k.value, v))
    names = {k for k, _ in own}
    return own + [(k, v) for k, v in merged if k not in names]


def read_records(path):
    with open(path, 'rb') as f:
        docs = list(yaml.compose_all(f, Loader=yaml.SafeLoader))
    out = []
    for d in docs:
        if d is None:
            continue
        for m in (d.value if isinstance(d, yaml.SequenceNode) else [d]):
            rec = {}
            for k, v in mapping(m):
                x = value(v)
                if x is not None:
                    rec[k] = x
            out.append(rec)
    return out


def list_fields(schema_path):
    """kind -> the names of its list fields (common ones included)."""
    if not schema_path:
        return None
    with open(schema_path) as f:
        s = yaml.load(f, Loader=yaml.BaseLoader)
    common = {n for n, spec in (s.get('common') or {}).items()
              if spec.get('list') == 'true'}
    out = {}
    for kind, spec in s['kinds'].items():
        out[kind] = common | {n for n, fs in (spec.get('fields') or {}).items()
                              if fs.get('list') == 'true'}
    return out


def fixture(kb, schema=None):
    """The records of a KB (a directory or a file) in load order."""
    if os.path.isdir(kb):
        files = []
        for root, dirs, names in os.walk(kb, followlinks=True):
            dirs[:] = [d for d in dirs if not d.startswith('.')]
            for n in names:
                if n.startswith('.') or not n.endswith(('.yaml', '.yml')):
                    continue
                rel = os.path.relpath(os.path.join(root, n), kb)
                if rel == 'schema.yaml':
                    schema = schema or os.path.join(kb, rel)
                    continue
                files.append(rel)
        files.sort(key=lambda r: r.encode())
        paths = [os.path.join(kb, r) for r in files]
    else:
        paths = [kb]
    lists = list_fields(schema)
    recs = []
    for p in paths:
        for r in read_records(p):
            # a scalar where the schema declares a list is a list of one
            for k in (lists or {}).get(r['kind'], ()):
                if isinstance(r.get(k), str):
                    r[k] = [r[k]]
            recs.append(r)
    return recs


def follow(recs, rec, steps):
    """What a --fields path holds, as SPEC 2 lines it up: None (absent), a
    string, or a list with one position per element passed through."""
    v = rec.get(steps[0])
    if v is None or len(steps) == 1:
        return v
    if isinstance(v, list):
        return [follow(recs, recs[i], steps[1:]) if i in recs else None
                for i in v]
    return follow(recs, recs[v], steps[1:]) if v in recs else None


# ---- the SPEC's encoding and its undoing ------------------------------------

def csv_encode(v, top=True):
    """The csv cell of a value (before RFC 4180 quoting)."""
    if v is None:
        return ''
    if isinstance(v, str):
        return v
    return ';'.join(csv_encode(e, False).replace('\\', '\\\\')
                    .replace(';', '\\;') for e in v)


def split(s, tsv):
    """Split at every ';' not escaped, undoing the escapes of each part:
    \\; and \\\\ (csv), and tsv's own (\\t \\n \\r \\xHH \\uHHHH)."""
    parts, cur, i = [], [], 0
    while i < len(s):
        c = s[i]
        if c == '\\':
            if i + 1 >= len(s):
                raise ValueError('lone backslash at the end of %r' % s)
            e = s[i + 1]
            if tsv and e in 'xu':
                n = 2 if e == 'x' else 4
                h = s[i + 2:i + 2 + n]
                if len(h) != n or any(d not in '0123456789abcdef' for d in h):
                    raise ValueError('bad escape \\%s%s in %r' % (e, h, s))
                cur.append(chr(int(h, 16)))
                i += 2 + n
                continue
            table = {';': ';', '\\': '\\'}
            if tsv:
                table.update({'t': '\t', 'n': '\n', 'r': '\r'})
            if e not in table:
                raise ValueError('bad escape \\%s in %r' % (e, s))
            cur.append(table[e])
            i += 2
        elif c == ';':
            parts.append(''.join(cur))
            cur = []
            i += 1
        else:
            cur.append(c)
            i += 1
    parts.append(''.join(cur))
    return parts


def tsv_scalar(s):
    """A tsv value that is no list: its escapes undone, ';' as it is."""
    out = split(s.replace(';', '\\x3b'), True)
    assert len(out) == 1
    return out[0]


def norm(v, top=True):
    """What a cell can give back: absent, [] and [""] all print empty; an
    absent position is an empty element."""
    if v is None:
        return None if top else ''
    if isinstance(v, str):
        return v
    out = [norm(e, False) for e in v]
    return [] if out in ([''], [[]]) else out


def decode(cell, want, tsv):
    """The cell read back in the shape of `want` (a list is split, a
    position that holds a list split again)."""
    if want is None:
        return None if cell == '' else cell
    if isinstance(want, str):
        return tsv_scalar(cell) if tsv else cell
    parts = split(cell, tsv) if cell != '' else []
    if len(parts) != len(norm(want)):
        return parts
    out = []
    for p, w in zip(parts, norm(want)):
        # a list at a position: its own joining, escaped once more
        out.append(decode(p, w, tsv) if isinstance(w, list) else p)
    return out


# What tsv must never carry raw (SPEC 2): C0 but the tab and line feed that
# separate fields and rows, DEL, C1, U+2028/2029 and the bidi controls.
RAW = set(chr(c) for c in range(0x20) if c not in (9, 10)) | \
    set(chr(c) for c in range(0x7f, 0xa0)) | \
    set('\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e'
        '\u2066\u2067\u2068\u2069')


def check(name, base, recs, fields, byid):
    want = [[follow(byid, r, f.split('.')) for f in fields] for r in recs]
    flist = ','.join(fields)

    out = kbq(*base, 'find', '--fields', flist, '-o', 'csv')
    rows = list(csv.reader(io.StringIO(out, newline=''), strict=True))
    report(rows[:1] == [fields], '%s: csv header' % name)
    report(len(rows) == len(recs) + 1, '%s: csv has a row a record' % name)
    bad = []
    for got, exp in zip(rows[1:], want):
        enc = [csv_encode(v) for v in exp]
        if got != enc:
            bad.append('%r\n  != %r' % (got, enc))
        else:
            back = [decode(c, v, False) for c, v in zip(got, exp)]
            if back != [norm(v) for v in exp]:
                bad.append('read back %r\n  != %r' % (back, exp))
    report(not bad, '%s: csv cells are the SPEC encoding and read back '
           '(%d records, %d fields)' % (name, len(recs), len(fields)),
           '\n'.join(bad))
    # RFC 4180: every record ends in CRLF; no bare LF or CR outside quotes
    bare = quoted = False
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
    report(lines[-1] == '' and len(lines) == len(recs) + 2,
           '%s: tsv has one line a record, each ending in a newline' % name)
    report(lines[:1] == ['\t'.join(fields)], '%s: tsv header' % name)
    bad = []
    try:
        for line, exp in zip(lines[1:-1], want):
            back = [decode(c, v, True) for c, v in zip(line.split('\t'), exp)]
            if back != [norm(v) for v in exp]:
                bad.append('%r\n  read back %r\n  != %r' % (line, back, exp))
    except ValueError as e:
        bad.append(str(e))
    report(not bad, '%s: tsv cells read back' % name, '\n'.join(bad))


def check_kb(name, kb, schema=None):
    base = ['--kb', kb] + (['--schema', schema] if schema else [])
    recs = fixture(kb, schema)
    fields = []
    for r in recs:
        for k in r:
            # --fields splits at ',' and follows refs at '.'
            if k not in fields and ',' not in k and '.' not in k:
                fields.append(k)
    check(name, base, recs, fields, {r['id']: r for r in recs})
    return recs


if len(sys.argv) != 3:
    sys.exit('usage: check-delimited.py KBQ DATADIR')
KBQ = os.path.abspath(sys.argv[1])
os.chdir(sys.argv[2])
os.environ.pop('KBQ_KB', None)
lib = check_kb('library', 'library')
check('library paths through lists', ['--kb', 'library'], lib,
      ['id', 'authors.name', 'authors.aliases', 'about.aliases',
       'about.authors.name', 'publisher.parent.city', 'shows.tags'],
      {r['id']: r for r in lib})
check_kb('schema-less', 'plain')
tricky = check_kb('tricky values', 'tricky')
lists = [r for r in tricky if r['id'] == 'lists']
report(len(lists) == 1 and ';' in ''.join(lists[0]['sep']) and
       '\\' in ''.join(lists[0]['sep']),
       "tricky values: a list whose elements hold ';' and '\\'")
check_kb('single file', 'single.yaml', 'single-schema.yaml')
print('%d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
