#!/usr/bin/env python3
"""Turn a run.sh results directory into Markdown tables (stdout).

Usage: report.py RESULTS_DIR

Reads RESULTS_DIR/meta, the hyperfine exports nN.round*.json (all rounds of one size
are pooled per tool before taking the median), the peak RSS files nN.TOOL.rss
(/usr/bin/time -f %M, KiB) and startup.json.
"""

import glob
import json
import os
import re
import statistics
import sys

ORDER = ["floor", "kbq", "kbq1", "kbqfull", "jq", "mlr", "recsel", "yq"]
INPUT = {"floor": "kb/records.yaml", "kbq": "kb/records.yaml", "kbq1": "kb/records.yaml",
         "kbqfull": "kb/records.yaml", "yq": "kb/records.yaml",
         "jq": "records.json", "mlr": "records.jsonl", "recsel": "records.rec"}
MIB = 1024 * 1024


def meta(res):
    m = {}
    with open(os.path.join(res, "meta"), encoding="utf-8") as f:
        for line in f:
            k, _, v = line.rstrip("\n").partition("=")
            m[k] = v
    return m


def times(res, n):
    """{tool: [wall seconds of every run]}, {tool: [user+system seconds, a mean per round]}"""
    t, cpu = {}, {}
    for p in sorted(glob.glob(os.path.join(res, f"n{n}.round*.json"))):
        for r in json.load(open(p))["results"]:
            t.setdefault(r["command"], []).extend(r["times"])
            cpu.setdefault(r["command"], []).extend([r["user"] + r["system"]] * len(r["times"]))
    return t, cpu


def rss_kib(res, n, tool):
    try:
        lines = open(os.path.join(res, f"n{n}.{tool}.rss")).read().split()
        return int(lines[-1])
    except (OSError, ValueError, IndexError):
        return None


def fmt_ms(s):
    ms = s * 1000
    return f"{ms:.0f}" if ms >= 100 else f"{ms:.1f}" if ms >= 10 else f"{ms:.2f}"


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    res = sys.argv[1]
    m = meta(res)
    print(f"Machine: {m.get('cpu', '?')}, {m.get('cores', '?')} cores, Linux "
          f"{m.get('kernel', '?')}; {m.get('date', '?')}; seed {m.get('seed', '?')}.")
    print(f"Tools: {m.get('jq', '')}, {m.get('mlr', '')}, {m.get('recsel', '')}, "
          f"{m.get('yq', '')}, libyaml {m.get('libyaml', '')}, {m.get('hyperfine', '')}.")
    if "load_start" in m:
        print(f"Load average (1, 5, 15 min) at start: {m['load_start']}, at end: "
              f"{m.get('load_end', '?')} (on {m.get('cores', '?')} cores).")
    if "kbq" not in m:
        print("kbq: not measured (no binary).")
    print()
    sizes = sorted(int(k[len("yaml_bytes_"):]) for k in m if k.startswith("yaml_bytes_"))
    for n in sizes:
        yb = int(m[f"yaml_bytes_{n}"])
        t, cpu = times(res, n)
        if not t:
            continue
        ids = None
        for tool in ORDER:
            p = os.path.join(res, f"n{n}.{tool}.out")
            if tool != "floor" and os.path.exists(p):
                ids = sum(1 for _ in open(p))
                break
        print(f"### N = {n:,} records ({yb / MIB:.1f} MiB of YAML, {ids} matching ids)")
        print()
        print("| tool | runs | median ms | x floor | CPU ms | peak RSS MiB | RSS / YAML bytes | input file |")
        print("|---|--:|--:|--:|--:|--:|--:|---|")
        floor = statistics.median(t["floor"]) if "floor" in t else None
        for tool in ORDER + sorted(set(t) - set(ORDER)):
            if tool not in t:
                continue
            med = statistics.median(t[tool])
            ratio = f"{med / floor:.2f}" if floor else "-"
            r = rss_kib(res, n, tool)
            rss = f"{r / 1024:.1f}" if r is not None else "-"
            rr = f"{r * 1024 / yb:.2f}" if r is not None else "-"
            inp = INPUT.get(tool, "")
            dpath = m.get(f"data_{n}")
            if inp and dpath and os.path.exists(os.path.join(dpath, inp)):
                inp = f"{inp} ({os.path.getsize(os.path.join(dpath, inp)) / MIB:.1f} MiB)"
            c = fmt_ms(statistics.mean(cpu[tool]))
            print(f"| {tool} | {len(t[tool])} | {fmt_ms(med)} | {ratio} | {c} | {rss} | {rr} | {inp} |")
        print()
    sp = os.path.join(res, "startup.json")
    if os.path.exists(sp):
        sb = m.get("startup_yaml_bytes")
        print(f"### Startup: 50-record KB ({sb} bytes of YAML)")
        print()
        print("| command | runs | median ms | mean ms | stddev ms | min ms |")
        print("|---|--:|--:|--:|--:|--:|")
        for r in json.load(open(sp))["results"]:
            ts = r["times"]
            sd = statistics.stdev(ts) if len(ts) > 1 else 0.0
            print(f"| {r['command']} | {len(ts)} | {fmt_ms(statistics.median(ts))} | "
                  f"{fmt_ms(statistics.mean(ts))} | {fmt_ms(sd)} | {fmt_ms(min(ts))} |")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
