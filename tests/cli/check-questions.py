#!/usr/bin/env python3
r"""check-questions.py - --count-by and back-link terms against jq.

    check-questions.py KBQ JQ [--seed S] [--queries N]

Generates a KB (a schema of three kinds with refs to one kind and to two,
lists of refs, enums, a field that is a ref in one kind and text in
another, absent values, dangling refs, values holding ';', ',' and
non-ASCII text), then asks kbq N random questions of each sort and the
same questions of jq over kbq's own `find -o json` (the records, which
cli-format-json checks separately):

- `--count-by P1[,P2[,P3]]` (paths of one to three steps, through lists,
  with or without a filter term): jq follows the paths itself, takes each
  record's distinct values per path (none: the empty value), counts every
  combination once per record, orders most frequent first, then by value;
- back-link terms, alone, negated, under `or`, with a term on the referring
  records (`^F.PATH=V`, `^F.PATH!=V`, `^F.PATH?`, `^F=ID`): jq joins every
  record whose kind declares F a ref with the records its F names.

Both answers must be equal for every question.  Exit 1 on a difference.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

SCHEMA = """\
kinds:
  person:
    plural: people
    fields:
      name:    {type: string, required: true}
      team:    {type: ref, to: team}
      friends: {type: ref, to: person, list: true}
      langs:   {type: enum, values: [en, fr, de, zh], list: true}
      level:   {type: enum, values: [a, b, c]}
      nick:    {type: string}
  team:
    plural: teams
    fields:
      name:    {type: string, required: true}
      lead:    {type: ref, to: person}
      members: {type: ref, to: person, list: true}
      area:    {type: enum, values: [x, y, z]}
      tags:    {type: string, list: true}
      owner:   {type: string}
  project:
    plural: projects
    fields:
      name:     {type: string, required: true}
      owner:    {type: ref, to: [person, team]}
      teams:    {type: ref, to: team, list: true}
      status:   {type: enum, values: [open, closed, paused]}
      keywords: {type: string, list: true}
"""

# kind -> field -> (is ref, target kinds or None for any, is list)
FIELDS = {
    'person': {'name': (False, None, False), 'team': (True, ['team'], False),
               'friends': (True, ['person'], True),
               'langs': (False, None, True), 'level': (False, None, False),
               'nick': (False, None, False)},
    'team': {'name': (False, None, False), 'lead': (True, ['person'], False),
             'members': (True, ['person'], True),
             'area': (False, None, False), 'tags': (False, None, True),
             'owner': (False, None, False)},
    'project': {'name': (False, None, False),
                'owner': (True, ['person', 'team'], False),
                'teams': (True, ['team'], True),
                'status': (False, None, False),
                'keywords': (False, None, True)},
}
PLURAL = {'person': 'people', 'team': 'teams', 'project': 'projects'}
WORDS = ['red', 'blue', 'a;b', 'x,y', 'Ærø', '東京', 'semi;colon;', 'back\\slash',
         'plain', 'two words', '']


def yq(s):
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(s, ensure_ascii=False)


def generate(rng, n):
    ids = {'person': ['p%d' % i for i in range(n)],
           'team': ['t%d' % i for i in range(max(2, n // 4))],
           'project': ['j%d' % i for i in range(max(2, n // 3))]}

    def ref(kinds):
        if rng.random() < 0.05:
            return 'ghost%d' % rng.randrange(3)	# names no record
        return rng.choice(ids[rng.choice(kinds)])

    out = []
    for kind in ('team', 'person', 'project'):
        for rid in ids[kind]:
            rec = [('id', rid), ('kind', kind), ('name', rng.choice(WORDS[:-1]) +
                                                 ' ' + rid)]
            for f, (isref, to, islist) in FIELDS[kind].items():
                if f == 'name' or rng.random() < 0.3:
                    continue	# absent
                if isref:
                    v = [ref(to) for _ in range(rng.randrange(1, 4))] \
                        if islist else ref(to)
                elif f == 'langs':
                    v = [rng.choice(['en', 'fr', 'de', 'zh'])
                         for _ in range(rng.randrange(1, 4))]
                elif f == 'level':
                    v = rng.choice('abc')
                elif f == 'area':
                    v = rng.choice('xyz')
                elif f == 'status':
                    v = rng.choice(['open', 'closed', 'paused'])
                elif f == 'owner':	# text here; a ref in projects
                    v = ref(['person', 'team'])
                elif islist:
                    v = [rng.choice(WORDS) for _ in range(rng.randrange(1, 4))]
                else:
                    v = rng.choice(WORDS[:-1])
                rec.append((f, v))
            out.append(rec)
    lines = []
    for rec in out:
        for i, (k, v) in enumerate(rec):
            val = '[' + ', '.join(yq(x) for x in v) + ']' \
                if isinstance(v, list) else yq(v)
            lines.append('%s %s: %s' % ('-' if i == 0 else ' ', k, val))
    return '\n'.join(lines) + '\n', ids


def paths_from(kind, rng, steps):
    """A random path of up to `steps` steps from `kind`."""
    path, k = [], kind
    for s in range(steps):
        names = list(FIELDS[k])
        if s < steps - 1:
            names = [f for f in names if FIELDS[k][f][0]]
            if not names:
                break
        f = rng.choice(names)
        path.append(f)
        isref, to, _ = FIELDS[k][f]
        if s < steps - 1:
            k = rng.choice(to)
    if len(path) < steps:	# ended on a kind without refs: take a field
        path.append(rng.choice(list(FIELDS[k])))
    return '.'.join(path)


def count_by_queries(rng, n):
    qs = []
    for _ in range(n):
        kind = rng.choice([None, 'person', 'team', 'project'])
        start = kind or rng.choice(list(FIELDS))
        ps = []
        for _ in range(rng.randrange(1, 4)):
            p = paths_from(start, rng, rng.choice([1, 1, 2, 2, 3]))
            if p not in ps and p != 'count':
                ps.append(p)
        if kind is None:
            # find: the fields of any kind; ref steps may fit other kinds
            first = rng.choice(['kind', 'name', 'owner', 'level', 'area'])
            ps = [first] + [p for p in ps if p != first and p.split('.')[0] in
                            ('owner', 'teams', 'team', 'lead')][:1]
        flt = None
        if kind == 'person' and rng.random() < 0.3:
            flt = ('level', rng.choice('abc'))
        elif kind == 'project' and rng.random() < 0.3:
            flt = ('status', rng.choice(['open', 'closed', 'paused']))
        qs.append({'kind': kind, 'paths': ps, 'filter': flt})
    return qs


def backrefs(to):
    """The (field, referring kinds) pairs whose refs may point to `to`."""
    out = {}
    for k, fs in FIELDS.items():
        for f, (isref, tos, _) in fs.items():
            if isref and (to is None or to in tos):
                out.setdefault(f, set()).add(k)
    # any kind declaring F a ref refers, whatever its targets
    for f in out:
        out[f] = sorted(k for k in FIELDS if FIELDS[k].get(f, (False,))[0])
    return out


def backlink_queries(rng, n, ids):
    qs = []
    while len(qs) < n:
        # nothing may point to a project: not a question, an error
        kind = rng.choice([None, 'person', 'team'])
        refs = backrefs(kind)
        terms = []
        for _ in range(rng.randrange(1, 3)):
            f = rng.choice(sorted(refs))
            src = rng.choice(refs[f])
            shape = rng.choice(['alone', 'eq', 'ne', 'has', 'id'])
            t = {'field': f, 'from': refs[f], 'neg': rng.random() < 0.25}
            if shape in ('eq', 'ne', 'has'):
                p = paths_from(src, rng, rng.choice([1, 1, 2]))
                last = p.split('.')[-1]
                if last in ('langs', 'level', 'area', 'status'):
                    v = rng.choice({'langs': ['en', 'fr', 'de', 'zh'],
                                    'level': list('abc'), 'area': list('xyz'),
                                    'status': ['open', 'closed', 'paused']}[last])
                elif last in ('team', 'friends', 'lead', 'members', 'owner',
                              'teams'):
                    v = rng.choice(ids['person'] + ids['team'])
                else:
                    v = rng.choice(WORDS[:-1])
                t.update(path=p, op={'eq': '=', 'ne': '!=', 'has': '?'}[shape],
                         value=v if shape != 'has' else None)
            elif shape == 'id':
                t.update(path='id', op='=', value=rng.choice(
                    ids['person'] + ids['team'] + ids['project']))
            else:
                t.update(path=None, op=None, value=None)
            terms.append(t)
        qs.append({'kind': kind, 'terms': terms, 'or': rng.random() < 0.5})
    return qs


def term_word(t):
    w = '^' + t['field']
    if t['path'] == 'id':
        w += '=' + t['value']
    elif t['path']:
        w += '.' + t['path'] + t['op'] + (t['value'] or '')
    return w


def kbq_words(q):
    words = []
    for i, t in enumerate(q['terms']):
        if i:
            words.append('or' if q['or'] else 'and')
        if t['neg']:
            words.append('not')
        words.append(term_word(t))
    return words


JQ_COMMON = r'''
($recs | map({key: .id, value: .}) | from_entries) as $byid
| def reach($r; $steps):
    if ($steps | length) == 0 then empty
    else ($r[$steps[0]] // empty) | (if type == "array" then .[] else . end)
      | if ($steps | length) == 1 then .
        else ($byid[.] // empty) | reach(.; $steps[1:]) end
    end;
'''

JQ_COUNT = JQ_COMMON + r'''
  [ $queries[] as $q
    | [ $recs[]
        | select($q.kind == null or .kind == $q.kind)
        | select($q.filter == null or
                 ([reach(.; [$q.filter[0]])] | index($q.filter[1]) != null))
        | . as $r
        | [ $q.paths[] | [reach($r; split("."))] | unique
            | if length == 0 then [""] else . end ]
        | combinations ]
    | group_by(.) | map({vals: .[0], count: length})
    | sort_by(-.count, .vals) ]
'''

JQ_BACK = JQ_COMMON + r'''
  def holds($s; $t):
    if $t.path == null then true
    elif $t.op == "?" then ([reach($s; $t.path | split("."))] | length) > 0
    elif $t.op == "=" then
      [reach($s; $t.path | split("."))] | index($t.value) != null
    else [reach($s; $t.path | split("."))] | index($t.value) == null
    end;
  def targets($t):
    [ $recs[] | select(.kind as $k | $t.from | index($k) != null)
      | select(holds(.; $t)) | (.[$t.field] // empty)
      | if type == "array" then .[] else . end ] | unique;
  [ $queries[] as $q
    | ([ $q.terms[] | targets(.) ]) as $sets
    | [ $recs[] | select($q.kind == null or .kind == $q.kind)
        | .id as $id
        | [ range($q.terms | length) as $i
            | ($sets[$i] | index($id) != null) as $in
            | if $q.terms[$i].neg then ($in | not) else $in end ]
        | select(if $q.or then any else all end)
        | $id ] ]
'''


def run(argv, **kw):
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          **kw)


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    kbq, jq = os.path.abspath(args[0]), args[1]
    seed, nq = 1, 200
    rest = args[2:]
    while rest:
        if rest[0] == '--seed':
            seed = int(rest[1])
        elif rest[0] == '--queries':
            nq = int(rest[1])
        else:
            sys.exit(__doc__)
        rest = rest[2:]
    rng = random.Random(seed)
    tmp = tempfile.mkdtemp(prefix='kbq-questions-')
    fails = checked = 0
    try:
        kb = os.path.join(tmp, 'kb')
        os.mkdir(kb)
        with open(os.path.join(kb, 'schema.yaml'), 'w') as f:
            f.write(SCHEMA)
        text, ids = generate(rng, 120)
        with open(os.path.join(kb, 'records.yaml'), 'w') as f:
            f.write(text)
        env = dict(os.environ)
        env.pop('KBQ_KB', None)
        r = run([kbq, '--kb', kb, 'find', '-o', 'json'], env=env)
        if r.returncode:
            sys.exit('kbq find -o json: %s' % r.stderr.decode())
        recs_file = os.path.join(tmp, 'records.json')
        with open(recs_file, 'wb') as f:
            f.write(r.stdout)

        def jq_all(program, queries):
            qfile = os.path.join(tmp, 'queries.json')
            with open(qfile, 'w') as f:
                json.dump(queries, f)
            p = run([jq, '-n', '--slurpfile', 'recs0', recs_file,
                     '--slurpfile', 'q0', qfile,
                     '$recs0[0] as $recs | $q0[0] as $queries | ' + program])
            if p.returncode:
                sys.exit('jq: %s' % p.stderr.decode())
            return json.loads(p.stdout)

        cq = count_by_queries(rng, nq)
        want = jq_all(JQ_COUNT, cq)
        for q, w in zip(cq, want):
            argv = [kbq, '--kb', kb, PLURAL[q['kind']] if q['kind'] else 'find',
                    '--count-by', ','.join(q['paths']), '-o', 'json']
            if q['filter']:
                argv.append('%s=%s' % tuple(q['filter']))
            p = run(argv, env=env)
            got = json.loads(p.stdout) if p.returncode in (0, 1) else p.stderr
            got = [{'vals': [row[k] for k in q['paths']], 'count': row['count']}
                   for row in got] if isinstance(got, list) else got
            checked += 1
            if got != w:
                fails += 1
                print('FAIL %s\n  kbq: %s\n  jq:  %s' %
                      (' '.join(argv[3:]), got, w))
        nrows = sum(len(w) for w in want)
        print('%d --count-by questions (%d rows in all)' % (len(cq), nrows))

        bq = backlink_queries(rng, nq, ids)
        want = jq_all(JQ_BACK, bq)
        nonempty = 0
        for q, w in zip(bq, want):
            argv = [kbq, '--kb', kb, PLURAL[q['kind']] if q['kind'] else 'find',
                    '-o', 'id', '--'] + kbq_words(q)
            p = run(argv, env=env)
            got = p.stdout.decode().split() if p.returncode in (0, 1) else \
                p.stderr.decode()
            checked += 1
            nonempty += bool(w)
            if got != w:
                fails += 1
                print('FAIL %s\n  kbq: %s\n  jq:  %s' %
                      (' '.join(argv[3:]), got, w))
        print('%d back-link questions (%d with an answer)' % (len(bq), nonempty))
    finally:
        subprocess.run(['rm', '-rf', tmp])
    print('%d questions, %d differ' % (checked, fails))
    sys.exit(1 if fails else 0)


if __name__ == '__main__':
    main()
