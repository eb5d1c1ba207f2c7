#!/usr/bin/env python3
"""libkb.so exports exactly the functions kb.h declares, which kb(3) documents.

    symbols.py NM READELF LIBKB_SO SONAME KB_H KBQ_SHARED KBQ KB KB_3

- `nm -D --defined-only LIBKB_SO` lists each function kb.h declares, and
  nothing else (no private kb_* helper, no other name);
- the library's soname is SONAME, the one CMake computes from KB_SOVERSION;
- KBQ_SHARED, kbq linked with the shared library, needs SONAME and answers
  as KBQ (linked with libkb.a) does on the KB;
- the man page KB_3 names each of those functions in its NAME (.Nm) and
  gives its prototype in its SYNOPSIS (.Fn), and no other.
"""
import os
import re
import subprocess
import sys

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def out(argv, **kw):
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True, **kw)
    if p.returncode != 0:
        sys.exit("%s: exit %d: %s" % (" ".join(argv), p.returncode, p.stderr))
    return p.stdout


def declared(header):
    """The functions a header declares, outside comments (kb.h has no
    macros or inline bodies that would call one)."""
    with open(header) as f:
        text = f.read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    text = re.sub(r"__attribute__\s*\(\(.*?\)\)", " ", text, flags=re.S)
    names = set()
    for m in re.finditer(r"\b([A-Za-z_]\w*)\s*\(", text):
        # a declaration's name follows its type ("int kb_open(", "*kb_at(");
        # "(int (*fn)(" in a parameter list is none
        if re.search(r"[\w*]\s*$", text[:m.start()]):
            names.add(m.group(1))
    return names


def main():
    if len(sys.argv) != 10:
        sys.exit(__doc__)
    nm, readelf, lib, soname, header, kbq_shared, kbq, kb, page = sys.argv[1:]

    exported = set()
    for line in out([nm, "-D", "--defined-only", lib]).splitlines():
        f = line.split()
        if len(f) == 3:
            exported.add(f[2])
    want = declared(header)
    if len(want) < 10:
        fail("only %d functions found in %s" % (len(want), header))
    for name in sorted(exported - want):
        fail("%s exports '%s', which kb.h does not declare" % (lib, name))
    for name in sorted(want - exported):
        fail("kb.h declares '%s', which %s does not export" % (name, lib))
    for name in sorted(exported):
        if not name.startswith("kb_"):
            fail("%s exports '%s', not a kb_ name" % (lib, name))

    dyn = out([readelf, "-d", lib])
    m = re.search(r"\(SONAME\)\s+Library soname: \[(.*)\]", dyn)
    if not m or m.group(1) != soname:
        fail("%s has soname %r, not %r" % (lib, m and m.group(1), soname))

    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[(.*)\]",
                        out([readelf, "-d", kbq_shared]))
    if soname not in needed:
        fail("%s does not need %s (it needs %s)" % (kbq_shared, soname,
                                                   needed))
    env = dict(os.environ, NO_COLOR="1")
    env.pop("KBQ_KB", None)
    for args in (["--kb", kb, "find"], ["--kb", kb, "volumes", "--fields", "id,copy_of.name", "-o", "tsv"],
                 ["controls", "-c"]):
        a = subprocess.run([kbq] + args, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, env=env)
        b = subprocess.run([kbq_shared] + args, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, env=env)
        if (a.returncode, a.stdout) != (b.returncode, b.stdout) or not a.stdout:
            fail("kbq %s: the shared build says %r (exit %d), the static "
                 "one %r (exit %d)" % (" ".join(args), b.stdout, b.returncode,
                                       a.stdout, a.returncode))

    with open(page) as f:
        text = f.read()
    synopsis = text.split("\n.Sh SYNOPSIS\n", 1)[-1].split("\n.Sh ", 1)[0]
    name = text.split("\n.Sh NAME\n", 1)[-1].split("\n.Sh ", 1)[0]
    for what, section, names in (
            ("SYNOPSIS", synopsis, set(re.findall(r"^\.Fn (\w+)", synopsis, re.M))),
            ("NAME", name, set(re.findall(r"^\.Nm (\w+)", name, re.M)))):
        for n in sorted(want - names):
            fail("%s: the %s does not name %s" % (os.path.basename(page), what, n))
        for n in sorted(names - want):
            fail("%s: the %s names %s, which kb.h does not declare"
                 % (os.path.basename(page), what, n))

    if not failures:
        print("%s (%s) exports the %d functions of kb.h: %s"
              % (os.path.basename(lib), soname, len(exported),
                 " ".join(sorted(exported))))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
