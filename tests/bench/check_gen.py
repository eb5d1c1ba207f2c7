#!/usr/bin/env python3
"""Check a KB written by gen.py: DIR/records.json against the schema, and the YAML,
JSON Lines and recfile copies against records.json.

Usage: check_gen.py DIR [--yq]     (--yq: also parse kb/records.yaml with yq; slow)

Checks: ids unique and well formed; every field declared by its kind (or common);
required fields present; enum values and dates valid; every ref names an earlier
record of an allowed kind; records.jsonl and records.rec hold the same records;
with --yq, `yq -c . kb/records.yaml` equals records.json exactly (so the YAML is
valid and every scalar reads back as the same text, even under YAML 1.1 rules).
Exits 1 on the first kind of problem, after printing up to 10 examples.
"""

import json
import os
import re
import subprocess
import sys

ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
DATE_RE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")


def parse_schema(path):
    """The tiny subset of YAML that gen.py's schema uses: flow mappings per field."""
    common, kinds, kind, section = {}, {}, None, None
    for line in open(path, encoding="utf-8"):
        line = line.split(" #")[0].rstrip() if not line.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        ind = len(line) - len(line.lstrip())
        key, _, val = line.strip().partition(":")
        val = val.strip()
        if ind == 0:
            section = key
        elif section == "common" and ind == 2:
            common[key] = flow(val)
        elif section == "kinds" and ind == 2:
            kind = kinds.setdefault(key, {})
        elif section == "kinds" and ind == 6:
            kind[key] = flow(val)
    return common, kinds


def flow(s):
    """{type: enum, values: [a, b], list: true} -> dict (no nesting beyond one list)."""
    s = s.strip()[1:-1]
    out = {}
    for m in re.finditer(r"(\w+):\s*(\[[^\]]*\]|'[^']*'|[^,]+)", s):
        k, v = m.group(1), m.group(2).strip()
        if v.startswith("["):
            v = [x.strip() for x in v[1:-1].split(",")]
        elif v.startswith("'"):
            v = v[1:-1]
        elif v in ("true", "false"):
            v = v == "true"
        out[k] = v
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    use_yq = "--yq" in sys.argv
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    d = args[0]
    problems = []

    def bad(msg):
        problems.append(msg)

    common, kinds = parse_schema(os.path.join(d, "kb", "schema.yaml"))
    recs = json.load(open(os.path.join(d, "records.json"), encoding="utf-8"))
    seen = {}
    for i, r in enumerate(recs):
        rid = r.get("id")
        if not isinstance(rid, str) or not ID_RE.match(rid):
            bad(f"record {i}: bad id {rid!r}")
            continue
        if rid in seen:
            bad(f"record {i}: duplicate id {rid!r}")
        seen[rid] = r.get("kind")
    for i, r in enumerate(recs):
        kind = r.get("kind")
        if kind not in kinds:
            bad(f"{r['id']}: unknown kind {kind!r}")
            continue
        fields = dict(common)
        fields.update(kinds[kind])
        for f, spec in fields.items():
            if spec.get("required") and f not in r:
                bad(f"{r['id']}: missing required {f}")
        for f, v in r.items():
            if f in ("id", "kind"):
                continue
            spec = fields.get(f)
            if spec is None:
                bad(f"{r['id']}: unknown field {f!r}")
                continue
            vals = v if isinstance(v, list) else [v]
            if isinstance(v, list) != bool(spec.get("list")):
                bad(f"{r['id']}.{f}: list-ness differs from schema")
            if not vals:
                bad(f"{r['id']}.{f}: empty list")
            for x in vals:
                if not isinstance(x, str) or x == "":
                    bad(f"{r['id']}.{f}: value {x!r} is not non-empty text")
                    continue
                t = spec.get("type")
                if t == "string" and "\n" in x:
                    bad(f"{r['id']}.{f}: line break in string")
                if t == "enum" and x not in spec["values"]:
                    bad(f"{r['id']}.{f}: {x!r} not in enum")
                if t == "date" and not DATE_RE.match(x):
                    bad(f"{r['id']}.{f}: bad date {x!r}")
                if "pattern" in spec and not re.fullmatch(spec["pattern"], x):
                    bad(f"{r['id']}.{f}: {x!r} does not match {spec['pattern']}")
                if t == "ref":
                    if x not in seen:
                        bad(f"{r['id']}.{f}: dangling ref {x!r}")
                    elif "to" in spec and seen[x] != spec["to"]:
                        bad(f"{r['id']}.{f}: {x!r} is a {seen[x]}, not a {spec['to']}")
    # refs point backwards: the position of the target is before the referrer
    pos = {r["id"]: i for i, r in enumerate(recs) if isinstance(r.get("id"), str)}
    for i, r in enumerate(recs):
        kind = r.get("kind")
        fields = dict(common)
        fields.update(kinds.get(kind, {}))
        for f, v in r.items():
            if fields.get(f, {}).get("type") == "ref":
                for x in (v if isinstance(v, list) else [v]):
                    if pos.get(x, -1) >= i:
                        bad(f"{r['id']}.{f}: ref {x!r} is not to an earlier record")
    for k in ("us", "cn"):
        if seen.get(k) != "actor":
            bad(f"actor {k!r} missing")

    # JSON Lines: lists joined with ';'
    flat = [{k: (";".join(v) if isinstance(v, list) else v) for k, v in r.items()}
            for r in recs]
    with open(os.path.join(d, "records.jsonl"), encoding="utf-8") as f:
        jl = [json.loads(line) for line in f]
    if jl != flat:
        bad("records.jsonl differs from records.json")

    # recfile: list values as repeated fields
    rr, cur = [], None
    with open(os.path.join(d, "records.rec"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line:
                if cur:
                    rr.append(cur)
                cur = None
                continue
            k, _, v = line.partition(": ")
            cur = cur or {}
            cur.setdefault(k, []).append(v)
    if cur:
        rr.append(cur)
    want = [{k: (v if isinstance(v, list) else [v]) for k, v in r.items()} for r in recs]
    if rr != want:
        bad("records.rec differs from records.json")

    if use_yq:
        p = subprocess.run(["yq", "-c", ".", os.path.join(d, "kb", "records.yaml")],
                           capture_output=True, text=True)
        if p.returncode != 0:
            bad(f"yq failed: {p.stderr.strip()[:500]}")
        elif json.loads(p.stdout) != recs:
            bad("kb/records.yaml (read by yq) differs from records.json")

    for p in problems[:10]:
        print("check_gen: " + p, file=sys.stderr)
    if problems:
        print(f"check_gen: {len(problems)} problem(s) in {d}", file=sys.stderr)
        return 1
    size = os.path.getsize(os.path.join(d, "kb", "records.yaml"))
    by = {}
    for r in recs:
        by[r["kind"]] = by.get(r["kind"], 0) + 1
    print(f"check_gen: {d}: {len(recs)} records ok, {size} YAML bytes "
          f"({size / max(1, len(recs)):.0f}/record), "
          + ", ".join(f"{k} {v}" for k, v in sorted(by.items()))
          + (", yq round trip ok" if use_yq else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
