#!/usr/bin/env python3
r"""Keep the man pages honest against the kbq they document.

    check-pages.py KBQ MANDIR commands
    check-pages.py KBQ MANDIR options
    check-pages.py KBQ MANDIR synopsis
    check-pages.py KBQ MANDIR examples PAGE

The SYNOPSIS and OPTIONS are read as mandoc -Tascii renders them, so what is
checked is what a reader sees; the examples are read from the source's
literal displays, whose few escapes (\e, \&, \(aq, ...) are undone here.

commands  Every command `kbq help` lists has man/kbq-COMMAND.1, and every
          kbq-*.1 page is a command's; the per-kind listing commands (the
          plurals of the built-in KB) are documented in kbq-find.1.
options   Every option `kbq COMMAND --help` prints is an item of the OPTIONS
          section of kbq-COMMAND.1, written as --help writes it ("-o, --output
          FORMAT"); the options that every command takes (those `kbq --help`
          prints) are items of kbq.1 instead.  Every option item a page has
          is one that --help prints.
synopsis  The SYNOPSIS of kbq-COMMAND.1 is the usage line of `kbq COMMAND -h`
          (kbq-find.1 also has the one of a per-kind command, the plural
          written PLURAL); the first line of kbq.1's is `kbq --help`'s.
examples  The EXAMPLES of PAGE (a file name in MANDIR, or a path), run against the built kbq and its built-in
          KB, in one scratch directory, in order.  In a literal display:
            - a display whose first line is "# file: PATH" is written to PATH
              (relative, inside the scratch directory) before the commands
              that follow it run;
            - a display whose first line is "#!/bin/sh" is a script, run with
              sh, that must exit 0;
            - a line "$ kbq ..." is a command, run with bash -o pipefail.  It
              must exit 0, or N when the line ends with "# exit N".  Lines
              after it up to the next "$ " line, if any, are its exact
              standard output.  A command that exits 0 or 1 prints nothing
              on the standard error (unless it redirects it); one that exits
              2 says why there.
          Every page has at least one command.  KBQ_KB is unset, NO_COLOR
          set, and kbq is first on PATH.
program   check-pages.py KBQ MANDIR program PAGE DIR: write each C program
          of the EXAMPLES of PAGE (a literal display whose first line is
          "/* NAME.c ...") to DIR/NAME.c, exactly as a reader sees it; the
          page's library programs are compiled by tests/lib.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def run(argv, **kw):
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, **kw)


def kbq_env():
    env = dict(os.environ)
    env.pop("KBQ_KB", None)
    env["NO_COLOR"] = "1"
    return env


def kbq_out(kbq, *args):
    p = run([kbq] + list(args), env=kbq_env())
    if p.returncode != 0:
        sys.exit("kbq %s: exit %d: %s" % (" ".join(args), p.returncode,
                                         p.stderr))
    return p.stdout


def render(page, fmt="ascii"):
    p = run(["mandoc", "-T" + fmt, "-O", "width=200", page])
    if p.returncode != 0 or not p.stdout:
        sys.exit("mandoc cannot render %s: %s" % (page, p.stderr))
    # no overstrike: "_\bX" and "X\bX" are X
    return re.sub(r".\x08", "", p.stdout)


def sections(text):
    """Top-level sections of a -Tascii rendering: name -> lines."""
    out, cur = {}, None
    for line in text.split("\n"):
        if re.match(r"^[A-Z][A-Z ]*$", line):
            cur = line.strip()
            out[cur] = []
        elif cur:
            out[cur].append(line)
    return out


def collapse(s):
    return " ".join(s.split())


# ---- what kbq says about itself ---------------------------------------------

def commands(kbq):
    """The command names `kbq help` lists, in order (KINDS excluded)."""
    names, inside = [], False
    for line in kbq_out(kbq, "help").split("\n"):
        if line == "commands:":
            inside = True
        elif inside and not line.strip():
            break
        elif inside:
            names.append(line.split()[0])
    if not names:
        sys.exit("kbq help lists no commands")
    return [n for n in names if n != "KINDS"]


def help_of(kbq, *args):
    """(usage line without 'usage: ', [option left columns]) of a --help."""
    text = kbq_out(kbq, *args)
    lines = text.split("\n")
    if not lines[0].startswith("usage: "):
        sys.exit("kbq %s: no usage line" % " ".join(args))
    opts = []
    for line in lines:
        m = re.match(r"^  ((?:-\S, |    )--[a-z-]+(?:\[=[A-Z]+\])?(?: [A-Z]+)?)(?:\s|$)",
                     line)
        if m:
            opts.append(collapse(m.group(1)))
    return lines[0][len("usage: "):], opts


def plurals(kbq):
    return kbq_out(kbq, "schema", "--list=plurals").split()


def page_for(man, cmd):
    return os.path.join(man, "kbq-%s.1" % cmd)


# ---- checks ---------------------------------------------------------------------

def check_commands(kbq, man):
    cmds = commands(kbq)
    for c in cmds:
        if not os.path.isfile(page_for(man, c)):
            fail("command '%s' has no page %s" % (c, page_for(man, c)))
    for f in sorted(os.listdir(man)):
        m = re.match(r"^kbq-(.*)\.1$", f)
        if m and m.group(1) not in cmds:
            fail("%s documents no command of 'kbq help'" % f)
    text = collapse(render(page_for(man, "find")))
    ps = plurals(kbq)
    if not ps:
        fail("the built-in KB has no plurals to check kbq-find.1 against")
    for p in ps:
        if not re.search(r"\b%s\b" % re.escape(p), text):
            fail("kbq-find.1 does not name the per-kind command '%s'" % p)
    print("%d commands, %d per-kind commands checked" % (len(cmds), len(ps)))


def option_items(page):
    """The heads of the items of the OPTIONS section that are options."""
    heads = []
    for line in sections(render(page)).get("OPTIONS", []):
        m = re.match(r"^ {5}(-\S.*)$", line)
        if m:
            heads.append(collapse(re.split(r"\s{2,}", m.group(1))[0]))
    return heads


def check_options(kbq, man):
    _, globs = help_of(kbq, "--help")
    top = option_items(os.path.join(man, "kbq.1"))
    for o in globs:
        if o not in top:
            fail("kbq.1: option '%s' of 'kbq --help' is not an OPTIONS item"
                 % o)
    for h in top:
        if h not in globs:
            fail("kbq.1: OPTIONS item '%s' is not in 'kbq --help'" % h)
    n = len(globs)
    targets = [(c, c) for c in commands(kbq)]
    ps = plurals(kbq)
    if ps:
        targets.append((ps[0], "find"))
    for cmd, pagecmd in targets:
        page = page_for(man, pagecmd)
        _, opts = help_of(kbq, cmd, "--help")
        items = option_items(page)
        for o in opts:
            n += 1
            if o in globs:
                continue	# documented in kbq.1
            if o not in items:
                fail("%s: option '%s' of 'kbq %s --help' is not an OPTIONS "
                     "item" % (os.path.basename(page), o, cmd))
        for h in items:
            if h not in opts:
                fail("%s: OPTIONS item '%s' is not in 'kbq %s --help'"
                     % (os.path.basename(page), h, cmd))
    print("%d options checked" % n)
    check_formats(kbq, man, targets)


FORMATS = ("text", "tsv", "csv", "json", "jsonl", "yaml", "id")


def help_formats(kbq, cmd):
    """The formats `kbq CMD --help` lists for -o, or None."""
    out = kbq_out(kbq, cmd, "--help")
    m = re.search(r"^\s*-o, --output FORMAT\s+(.*)$", out, re.M)
    if not m:
        return None
    return set(re.findall(r"\b(%s)\b" % "|".join(FORMATS),
                          m.group(1).split("(default")[0]))


def page_formats(page):
    """The formats named (.Cm) in the -o item of PAGE's OPTIONS."""
    names, inside = set(), False
    with open(page, encoding="utf-8") as f:
        for line in f:
            if line.startswith(".It "):
                inside = line.startswith(".It Fl o , Fl -output")
            elif line.startswith((".El", ".Sh")):
                inside = False
            elif inside:
                m = re.match(r"^\.Cm (\S+)", line)
                if m and m.group(1) in FORMATS:
                    names.add(m.group(1))
    return names


def check_formats(kbq, man, targets):
    """-o in --help and in the page list exactly the formats the command
    prints, and the command refuses every other one."""
    n = 0
    for cmd, pagecmd in targets:
        want = help_formats(kbq, cmd)
        if want is None:
            continue
        page = page_for(man, pagecmd)
        got = page_formats(page)
        n += 1
        if got != want:
            fail("%s: the -o item names %s, 'kbq %s --help' lists %s"
                 % (os.path.basename(page), sorted(got), cmd, sorted(want)))
        for f in FORMATS:
            r = run([kbq, cmd, "-o", f, "--limit", "0"] if "--limit" in
                    kbq_out(kbq, cmd, "--help") else [kbq, cmd, "-o", f],
                    env=kbq_env())
            refused = r.returncode == 2 and "prints" in r.stderr
            if (f in want) == refused:
                fail("'kbq %s -o %s' %s, but --help %s it"
                     % (cmd, f, "is refused" if refused else "runs",
                        "lists" if f in want else "does not list"))
    print("%d -o format lists checked" % n)


def synopsis_entries(page):
    """The SYNOPSIS, one entry per command line the page shows."""
    entries = []
    for line in sections(render(page)).get("SYNOPSIS", []):
        if re.match(r"^ {5}\S", line):
            entries.append(line.strip())
        elif line.strip() and entries:
            entries[-1] += " " + line.strip()
    return [collapse(e) for e in entries]


def check_synopsis(kbq, man):
    usage, _ = help_of(kbq, "--help")
    top = synopsis_entries(os.path.join(man, "kbq.1"))
    if not top or top[0] != usage:
        fail("kbq.1: SYNOPSIS starts with %r, 'kbq --help' says %r"
             % (top[:1], usage))
    for cmd in commands(kbq):
        want = [help_of(kbq, cmd, "-h")[0]]
        if cmd == "find":
            for p in plurals(kbq)[:1]:
                u = help_of(kbq, p, "-h")[0]
                want.append(re.sub(r"\b%s\b" % re.escape(p), "PLURAL", u))
        got = synopsis_entries(page_for(man, cmd))
        if got != want:
            fail("kbq-%s.1: SYNOPSIS is %r, 'kbq %s -h' says %r"
                 % (cmd, got, cmd, want))
    print("synopses checked")


ESCAPES = {"e": "\\", "&": "", "-": "-", "(aq": "'", "(dq": '"',
           "(ti": "~", "(ha": "^", "(ga": "`"}


def unescape(line, where):
    """The text a literal display line shows; None for an escape this
    checker does not know (then the page must be simplified)."""
    out, i = [], 0
    while i < len(line):
        if line[i] != "\\":
            out.append(line[i])
            i += 1
            continue
        for esc, text in ESCAPES.items():
            if line.startswith(esc, i + 1):
                out.append(text)
                i += 1 + len(esc)
                break
        else:
            fail("%s: unknown escape in %r" % (where, line))
            return None
    return "".join(out)


def literal_blocks(page):
    """The literal displays (.Bd -literal ... .Ed) of the EXAMPLES section,
    as lists of the lines they show.  Read from the source: mandoc's
    markdown output merges adjacent displays."""
    blocks, cur, inside = [], None, False
    name = os.path.basename(page)
    with open(page) as f:
        for n, line in enumerate(f.read().split("\n"), 1):
            if line.startswith(".Sh "):
                inside = line == ".Sh EXAMPLES"
                continue
            if not inside:
                continue
            if cur is None:
                if line.startswith(".Bd -literal"):
                    cur = []
                    blocks.append(cur)
                continue
            if line == ".Ed":
                cur = None
            elif line.startswith('.\\"'):
                continue
            elif line.startswith(".") or line.startswith("'"):
                fail("%s:%d: a request or macro in an example display"
                     % (name, n))
            else:
                text = unescape(line, "%s:%d" % (name, n))
                if text is not None:
                    cur.append(text)
    return [b for b in blocks if b]


def check_examples(kbq, man, page):
    path = page if os.path.sep in page else os.path.join(man, page)
    name = os.path.basename(path)
    tmp = tempfile.mkdtemp(prefix="kbq-man-")
    try:
        bindir = os.path.join(tmp, ".bin")
        os.mkdir(bindir)
        os.symlink(os.path.abspath(kbq), os.path.join(bindir, "kbq"))
        work = os.path.join(tmp, "work")
        os.mkdir(work)
        env = kbq_env()
        env["PATH"] = bindir + os.pathsep + env.get("PATH", "/usr/bin:/bin")
        ncmd = 0
        for block in literal_blocks(path):
            first = block[0]
            m = re.match(r"^# file: (\S+)$", first)
            if m:
                rel = m.group(1)
                if rel.startswith("/") or ".." in rel.split("/"):
                    fail("%s: file %r is not inside the scratch directory"
                         % (name, rel))
                    continue
                dest = os.path.join(work, rel)
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                with open(dest, "w") as f:
                    f.write("\n".join(block) + "\n")
                continue
            if first.startswith("#!/bin/sh"):
                script = os.path.join(tmp, "script.sh")
                with open(script, "w") as f:
                    f.write("\n".join(block) + "\n")
                p = run(["sh", script], cwd=work, env=env)
                ncmd += 1
                if p.returncode != 0:
                    fail("%s: the script starting %r exits %d, not 0\n%s%s"
                         % (name, block[1] if len(block) > 1 else first,
                            p.returncode, p.stdout, p.stderr))
                continue
            cmds = []
            for line in block:
                if line.startswith("$ "):
                    cmds.append([line[2:], []])
                elif cmds:
                    cmds[-1][1].append(line)
            for cmd, out in cmds:
                ncmd += 1
                if not re.match(r"^kbq\b", cmd):
                    fail("%s: example %r does not start with kbq" % (name, cmd))
                    continue
                m = re.search(r"#\s*exit\s+(\d+)\s*$", cmd)
                want = int(m.group(1)) if m else 0
                p = run(["bash", "-o", "pipefail", "-c", cmd], cwd=work,
                        env=env)
                if p.returncode != want:
                    fail("%s: '%s' exits %d, the page says %d\n%s"
                         % (name, cmd, p.returncode, want, p.stderr))
                elif want < 2 and p.stderr:
                    fail("%s: '%s' prints on stderr:\n%s" % (name, cmd,
                                                             p.stderr))
                elif want == 2 and not p.stderr:
                    fail("%s: '%s' exits 2 without a message" % (name, cmd))
                if out and p.stdout != "\n".join(out) + "\n":
                    fail("%s: '%s' prints\n%s\nthe page shows\n%s"
                         % (name, cmd, p.stdout, "\n".join(out)))
        if ncmd == 0:
            fail("%s: EXAMPLES has no '$ kbq' command" % name)
        print("%s: %d examples run" % (name, ncmd))
    finally:
        shutil.rmtree(tmp)


def write_programs(man, page, outdir):
    path = page if os.path.sep in page else os.path.join(man, page)
    n = 0
    for block in literal_blocks(path):
        m = re.match(r"^/\* ([\w-]+\.c) ", block[0])
        if m:
            with open(os.path.join(outdir, m.group(1)), "w") as f:
                f.write("\n".join(block) + "\n")
            print("%s: %s written" % (os.path.basename(path), m.group(1)))
            n += 1
    if n == 0:
        fail("%s: EXAMPLES has no C program" % os.path.basename(path))


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    kbq, man, what = sys.argv[1:4]
    if what == "commands":
        check_commands(kbq, man)
    elif what == "options":
        check_options(kbq, man)
    elif what == "synopsis":
        check_synopsis(kbq, man)
    elif what == "examples" and len(sys.argv) == 5:
        check_examples(kbq, man, sys.argv[4])
    elif what == "program" and len(sys.argv) == 6:
        write_programs(man, sys.argv[4], sys.argv[5])
    else:
        sys.exit(__doc__)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
