#!/usr/bin/env python3
"""Data for the versions benchmark (tests/bench/versions.sh): a KB from gen.py
split into files, a changed copy of it, and a git history.

    versions.py split RECORDS SCHEMA OUT [--files 100] [--seed 1]
        OUT/old/kb: RECORDS (gen.py's records.yaml) cut into --files files of
        consecutive records (r000.yaml, ...) and SCHEMA; OUT/new/kb: the same
        with 1% of the records changed (" (revised)" added to the name) and
        0.5% moved to another file (cut out of theirs, appended to one 37
        files on), chosen with the seed.  Prints what it changed.

    versions.py history KB REPO [--commits 200] [--per-commit 1]
        A git repository REPO whose first commit holds a copy of the KB
        directory KB as REPO/kb, then --commits commits that each change one
        record's name in --per-commit files (file i, i+1, ... of the commit's
        number, round the files), with fixed authors and dates.

python3 stdlib only; the same arguments give the same bytes and commits.
"""

import argparse
import os
import random
import re
import shutil
import subprocess
import sys

NAME = re.compile(r"^  name: (.*)$")


def records(path):
    """The header lines and the records (lists of lines) of a block
    sequence whose records start with "- " at column 0."""
    head, recs = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("- "):
                recs.append([line])
            elif recs:
                recs[-1].append(line)
            else:
                head.append(line)
    return head, recs


def revise(rec, tag):
    """The record with tag added to its name, quoted or not."""
    out = []
    done = False
    for line in rec:
        m = NAME.match(line.rstrip("\n"))
        if m and not done:
            v = m.group(1)
            if len(v) >= 2 and v[0] in "'\"" and v[-1] == v[0]:
                v = v[:-1] + tag + v[-1]
            else:
                v = v + tag
            line = "  name: %s\n" % v
            done = True
        out.append(line)
    if not done:
        sys.exit("versions.py: a record without a name line: %r" % rec[0])
    return out


def write_kb(kbdir, schema, files):
    os.makedirs(kbdir)
    shutil.copy(schema, os.path.join(kbdir, "schema.yaml"))
    for i, lines in enumerate(files):
        with open(os.path.join(kbdir, "r%03d.yaml" % i), "w",
                  encoding="utf-8") as f:
            f.writelines(lines)


def split(args):
    head, recs = records(args.records)
    n, nf = len(recs), args.files
    per = (n + nf - 1) // nf
    chunks = [recs[i * per:(i + 1) * per] for i in range(nf)]
    old = [head + [l for r in c for l in r] if i == 0 else
           [l for r in c for l in r] for i, c in enumerate(chunks)]
    rnd = random.Random(args.seed)
    picks = rnd.sample(range(n), n // 100 + n // 200)
    changed, moved = set(picks[:n // 100]), set(picks[n // 100:])
    new = [list(head) if i == 0 else [] for i in range(nf)]
    tail = [[] for _ in range(nf)]
    for k, r in enumerate(recs):
        i = k // per
        if k in changed:
            r = revise(r, " (revised)")
        if k in moved:
            tail[(i + 37) % nf].extend(r)
        else:
            new[i].extend(r)
    for i in range(nf):
        new[i].extend(tail[i])
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    write_kb(os.path.join(args.out, "old", "kb"), args.schema, old)
    write_kb(os.path.join(args.out, "new", "kb"), args.schema, new)
    print("%d records in %d files: %d changed, %d moved to another file"
          % (n, nf, len(changed), len(moved)))


def git(repo, *argv, env=None):
    subprocess.run(["git", "-C", repo] + list(argv), check=True, env=env,
                   stdout=subprocess.DEVNULL)


def history(args):
    if os.path.exists(args.repo):
        shutil.rmtree(args.repo)
    os.makedirs(args.repo)
    kb = os.path.join(args.repo, "kb")
    shutil.copytree(args.kb, kb)
    env = dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1",
               GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.org",
               GIT_COMMITTER_NAME="Bench",
               GIT_COMMITTER_EMAIL="bench@example.org")
    git(args.repo, "init", "-q", "-b", "main", env=env)
    files = sorted(f for f in os.listdir(kb) if f.startswith("r"))

    def commit(i, msg):
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = \
            "%d +0000" % (1735732800 + i * 3600)
        git(args.repo, "add", "-A", env=env)
        git(args.repo, "commit", "-q", "-m", msg, env=env)

    commit(0, "the KB")
    for c in range(1, args.commits + 1):
        for j in range(args.per_commit):
            path = os.path.join(kb, files[(c + j) % len(files)])
            head, recs = records(path)
            k = (c * 7919) % len(recs)
            recs[k] = revise(recs[k], " (%d)" % c)
            with open(path, "w", encoding="utf-8") as f:
                f.writelines(head + [l for r in recs for l in r])
        commit(c, "change %d" % c)
    print("%s: %d commits after the first, %d file(s) each"
          % (args.repo, args.commits, args.per_commit))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("split")
    s.add_argument("records")
    s.add_argument("schema")
    s.add_argument("out")
    s.add_argument("--files", type=int, default=100)
    s.add_argument("--seed", type=int, default=1)
    h = sub.add_parser("history")
    h.add_argument("kb")
    h.add_argument("repo")
    h.add_argument("--commits", type=int, default=200)
    h.add_argument("--per-commit", type=int, default=1)
    args = ap.parse_args()
    if args.cmd == "split":
        split(args)
    else:
        history(args)


if __name__ == "__main__":
    main()
