#!/usr/bin/env python3
"""Values that YAML readers would misread, written by the change commands.

    check-values.py KBQ FIXTURE_KB

For every awkward value (YAML 1.1 keywords, numbers, dates, indicators,
": " and " #", leading and trailing spaces, quotes, backslashes, line
breaks, control characters, non-ASCII, bidi controls) and every place a
value can go (a block record, a flow record in a CRLF file, a record that
is a document in a file with a BOM and no final newline, a new field, an
element of a block list and of a flow list, a new record):

 - kbq writes it (exit 0), and reads it back exactly (-o json);
 - PyYAML reads the file and finds exactly that string;
 - every other file is byte for byte the same, and in the file changed,
   every line outside the record changed is the same;
 - `kbq ... -n` printed a diff that `patch -p1` applies to the old KB to
   give exactly the files written.
"""
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

AWKWARD = [
    "yes", "No", "ON", "off", "y", "n", "true", "Null", "~", "null",
    "0710", "0x1F", "0o17", "1e3", "1_000", ".inf", "-.5", "+1", "12",
    "2025-06-09", "2025-06-09 10:00", "1:20", "12:30:45",
    "a: b", "a:b", "a #b", "a#b", "# x", "- x", "-x", "? x", ": x", "[x]",
    "{x}", "a, b", "*star", "&amp", "!bang", "%pct", "@at", "`tick", "|pipe",
    ">gt", " lead", "trail ", "  both  ", "'single'", '"double"',
    "it's", 'say "hi"', "back\\slash", "\\", "\\n",
    "tab\there", "ctl\x01x", "esc\x1b[31m", "del\x7fx", "nel\x85x",
    "\u2028ls", "\u202eRLO", "bom\ufeff", "\u00e9t\u00e9", "\u2603 snow",
    "emoji \U0001F600", "\u4e2d\u6587",
]
# text only: line breaks
MULTILINE = [
    "two\nlines", "ends\nwith newline\n", "  indented\nfirst", "a\n\n\nb\n",
    "trailing\n\n", "cr\r\nlf", "\nleading newline", "tab\n\tx",
    "x\n  more indented\nback",
]

# (what, command words before the value, field read back, record id, file)
PLACES = [
    ("block record", ["set", "us"], "name", "us", "actors.yaml"),
    ("flow record, CRLF", ["set", "ctl-a"], "name", "ctl-a", "controls.yaml"),
    ("document, BOM, no newline", ["set", "src-b"], "title", "src-b",
     "sources.yaml"),
    ("new field, block", ["set", "us"], "notes", "us", "actors.yaml"),
    ("new field, flow", ["set", "ctl-b"], "notes", "ctl-b", "controls.yaml"),
    ("block list element", ["set", "cn"], "aliases+", "cn", "actors.yaml"),
    ("flow list element", ["set", "us"], "aliases+", "us", "actors.yaml"),
    ("new record", ["add", "source", "id=new-src"], "name", "new-src",
     "sources.yaml"),
]

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def run(argv, cwd):
    env = dict(os.environ)
    env.pop("KBQ_KB", None)
    return subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=env)


def read_tree(d):
    out = {}
    for root, _, files in os.walk(d):
        for f in files:
            p = os.path.join(root, f)
            with open(p, "rb") as fp:
                out[os.path.relpath(p, d)] = fp.read()
    return out


def records(data):
    """PyYAML's records of a KB file: id -> mapping."""
    out = {}
    for doc in yaml.safe_load_all(data.decode("utf-8")):
        for r in doc if isinstance(doc, list) else [doc] if doc else []:
            out[r["id"]] = r
    return out


def changed_lines_outside(old, new, lo, hi):
    """Lines of old outside [lo, hi) that new does not keep as they are."""
    import difflib
    a = old.split(b"\n")
    b = new.split(b"\n")
    bad = []
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(None, a, b,
                                                     autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i1 < lo or i2 > hi or (i1 == i2 and not lo <= i1 <= hi):
            bad.append((tag, i1, i2))
    return bad


def record_lines(data, rid):
    """The 0-based line range [lo, hi] of record rid in a KB file, as
    PyYAML's composer places its mapping (a block mapping ends where the
    next node starts)."""
    for doc in yaml.compose_all(data.decode("utf-8")):
        nodes = doc.value if isinstance(doc, yaml.SequenceNode) else [doc]
        for node in nodes:
            for k, v in node.value:
                if k.value == "id" and v.value == rid:
                    return node.start_mark.line, node.end_mark.line + 1
    return None


def check(kbq, fixture, tmp, place, value, n):
    what, words, field, rid, fname = place
    kb = os.path.join(tmp, "kb%d" % n)
    shutil.copytree(fixture, kb)
    old = read_tree(kb)
    plus = field.endswith("+")
    fld = field.rstrip("+")
    arg = "%s%s=%s" % (fld, "+" if plus else "", value)
    extra = ["--file", os.path.join(kb, fname)] if words[0] == "add" else []
    label = "%s: %s %r" % (what, " ".join(words), arg)
    dry = run([kbq, "--kb", kb] + words + [arg] + extra + ["-n"], tmp)
    p = run([kbq, "--kb", kb] + words + [arg] + extra, tmp)
    if p.returncode != 0:
        fail("%s: exit %d: %s" % (label, p.returncode, p.stderr.decode()))
        return
    new = read_tree(kb)
    # kbq reads back the very value
    q = run([kbq, "--kb", kb, "find", "id=" + rid, "-o", "json", "--fields",
             fld], tmp)
    got = json.loads(q.stdout.decode())[0][fld] if q.returncode == 0 else None
    if plus:
        got = got[-1] if isinstance(got, list) and got else got
    if got != value:
        fail("%s: kbq reads back %r" % (label, got))
    # and so does PyYAML
    try:
        rec = records(new[fname]).get(rid, {})
        py = rec.get(fld)
        if plus:
            py = py[-1] if isinstance(py, list) and py else py
        if py != value:
            fail("%s: PyYAML reads back %r" % (label, py))
    except yaml.YAMLError as e:
        fail("%s: PyYAML cannot read %s: %s" % (label, fname, e))
    # every other byte stays
    for f in set(old) | set(new):
        if f != fname and old.get(f) != new.get(f):
            fail("%s: %s changed too" % (label, f))
    if words[0] == "add":	# after the last line, which may lose its end
        lo = len(old[fname].split(b"\n")) - 1
        hi = lo + 1
    else:
        lo, hi = record_lines(old[fname], rid)
    bad = changed_lines_outside(old[fname], new[fname], lo, hi)
    if bad:
        fail("%s: lines outside the record changed: %s" % (label, bad))
    # the -n diff gives the same files
    applied = os.path.join(tmp, "patched%d" % n)
    shutil.rmtree(applied, ignore_errors=True)
    os.makedirs(applied)
    for f, data in old.items():
        with open(os.path.join(applied, f), "wb") as fp:
            fp.write(data)
    pp = subprocess.run(["patch", "-s", "-p1", "--binary", "-d", applied],
                        input=dry.stdout, stdout=subprocess.PIPE,
                        stderr=subprocess.STDOUT)
    if pp.returncode != 0 or read_tree(applied) != new:
        fail("%s: the -n diff does not give the files written (%s)" %
             (label, pp.stdout.decode()))
    shutil.rmtree(applied, ignore_errors=True)
    shutil.rmtree(kb)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    kbq, fixture = os.path.abspath(sys.argv[1]), sys.argv[2]
    tmp = tempfile.mkdtemp(prefix="kbq-values-")
    jobs = []
    for place in PLACES:
        for value in AWKWARD + (MULTILINE if place[2] == "notes" else []):
            jobs.append((place, value, len(jobs)))
    n = len(jobs)
    try:
        # kbq, patch and the readers run as processes: a few at once
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            for f in [pool.submit(check, kbq, fixture, tmp, p, v, i)
                      for p, v, i in jobs]:
                f.result()
    finally:
        shutil.rmtree(tmp)
    print("%d values written and read back, %d failures" % (n, len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
