#!/usr/bin/env python3
"""Nothing lost: a killed kbq and kbq processes writing at once.

    crash.py KBQ crash       SIGKILL `kbq set` at random moments, again and
                             again, on a large file, every other time while
                             it writes (from the first sign of writing in the
                             KB's directory on): after each kill the file is
                             wholly the old one or wholly the new one, and
                             the KB loads (a temporary file a kill leaves is
                             named .NAME.*, which no KB walk reads)
    crash.py KBQ concurrent  many `kbq set` processes on different records of
                             one file at once: each succeeds and every change
                             is there at the end (the lock on the KB's root
                             serialises them)
    crash.py KBQ readonly    a KB whose directory kbq may not write (run as
                             nobody when the test runs as root, whom
                             permissions do not stop): every change is
                             refused, exit 2, every file byte for byte the
                             same, no temporary file left
"""
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

SCHEMA = """kinds:
  thing:
    fields:
      name: {type: string, required: true}
      status: {type: enum, values: [old, new]}
"""


RUNS = 40


def make_kb(d, n):
    os.makedirs(d)
    with open(os.path.join(d, "schema.yaml"), "w") as f:
        f.write(SCHEMA)
    with open(os.path.join(d, "records.yaml"), "w") as f:
        f.write("# %d records\n\n" % n)
        for i in range(n):
            f.write("- id: r%d\n  kind: thing\n  name: Record number %d of "
                    "the file\n  status: old   # r%d\n\n" % (i, i, i))


def env():
    e = dict(os.environ)
    e.pop("KBQ_KB", None)
    return e


def snapshot(kb, path):
    """What the KB directory looks like: its names, and the file's inode,
    size and time."""
    st = os.stat(path)
    return (tuple(sorted(os.listdir(kb))), st.st_ino, st.st_size,
            st.st_mtime_ns)


def wait_write(p, kb, path, before, give_up):
    """Poll until kbq starts writing (a name appears in the KB's directory,
    or the file changes) or exits; True when writing was seen."""
    while time.monotonic() < give_up and p.poll() is None:
        try:
            if snapshot(kb, path) != before:
                return True
        except FileNotFoundError:
            return True
    return False


def crash(kbq, tmp):
    kb = os.path.join(tmp, "kb")
    n = 100000
    make_kb(kb, n)
    path = os.path.join(kb, "records.yaml")
    rng = random.Random(int(os.environ.get("KBQ_CRASH_SEED", "1")))
    # how long a whole run takes (the slowest of three), and how long its
    # writing takes (from the first sign of it to the end), to kill
    # anywhere inside one, or inside the writing
    span = write = 0
    for v in ("new", "old", "new"):
        before = snapshot(kb, path)
        t0 = time.monotonic()
        p = subprocess.Popen([kbq, "--kb", kb, "-q", "set", "r1",
                              "status=" + v], env=env())
        seen = wait_write(p, kb, path, before, t0 + 600)
        t1 = time.monotonic()
        if p.wait() != 0:
            print("FAIL: kbq set exits %d" % p.returncode)
            return 1
        t2 = time.monotonic()
        span = max(span, t2 - t0)
        if seen:
            write = max(write, t2 - t1)
    with open(path, "rb") as f:
        old = f.read()
    kills = outcomes_old = outcomes_new = runs = in_write = 0
    # until both outcomes were seen (a loaded machine shifts the timing);
    # every other run is killed while it writes
    while runs < RUNS or ((not outcomes_old or not outcomes_new) and
                          runs < 4 * RUNS):
        runs += 1
        k = rng.randrange(n)
        cur = b"status: old   # r%d\n" % k
        new = b"status: new   # r%d\n" % k
        if cur not in old:
            cur, new = new, cur
        want = old.replace(cur, new, 1)
        value = new.split(b" ")[1].decode()
        before = snapshot(kb, path)
        t0 = time.monotonic()
        p = subprocess.Popen([kbq, "--kb", kb, "-q", "set", "r%d" % k,
                              "status=" + value], env=env())
        if runs % 2:
            time.sleep(rng.uniform(0, span * 1.2))
        elif wait_write(p, kb, path, before, t0 + 600):
            in_write += 1
            time.sleep(rng.uniform(0, write * 1.2))
        p.kill()
        p.wait()
        kills += p.returncode == -9
        with open(path, "rb") as f:
            got = f.read()
        if got == old:
            outcomes_old += 1
        elif got == want:
            outcomes_new += 1
            old = got
        else:
            print("FAIL: after a kill the file is neither the old one nor "
                  "the new one (%d bytes, run %d)" % (len(got), runs))
            return 1
        r = subprocess.run([kbq, "--kb", kb, "validate"], env=env(),
                           stderr=subprocess.PIPE)
        if r.returncode != 0:
            print("FAIL: the KB does not validate after a kill: %s" %
                  r.stderr.decode())
            return 1
        for name in os.listdir(kb):
            if name.startswith(".records.yaml."):
                os.unlink(os.path.join(kb, name))
            elif name not in ("schema.yaml", "records.yaml"):
                print("FAIL: a kill left %s" % name)
                return 1
    print("%d runs killed (%d by SIGKILL, %d while writing): %d left the old "
          "file, %d the new" % (runs, kills, in_write, outcomes_old,
                                outcomes_new))
    if not kills or not outcomes_old or not outcomes_new or not in_write:
        print("FAIL: the kills did not land before, inside and after the "
              "writing; nothing was shown")
        return 1
    return 0


def concurrent(kbq, tmp):
    kb = os.path.join(tmp, "kb")
    n = 40
    make_kb(kb, n)
    procs = [subprocess.Popen([kbq, "--kb", kb, "set", "r%d" % i,
                               "status=new", "name=Changed %d" % i],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=env()) for i in range(n)]
    bad = 0
    for i, p in enumerate(procs):
        out, err = p.communicate()
        if p.returncode != 0:
            print("FAIL: writer %d: exit %d: %s" % (i, p.returncode,
                                                    err.decode()))
            bad += 1
    r = subprocess.run([kbq, "--kb", kb, "find", "status=new", "-o", "id"],
                       stdout=subprocess.PIPE, env=env())
    ids = set(r.stdout.decode().split())
    missing = [i for i in range(n) if "r%d" % i not in ids]
    if missing:
        print("FAIL: changes lost: %s" % missing)
        bad += 1
    r = subprocess.run([kbq, "--kb", kb, "find", "name~^Changed", "-c"],
                       stdout=subprocess.PIPE, env=env())
    if r.stdout.decode().strip() != str(n):
        print("FAIL: %s names changed, not %d" % (r.stdout.decode().strip(), n))
        bad += 1
    if os.listdir(kb) != ["schema.yaml", "records.yaml"] and \
            sorted(os.listdir(kb)) != ["records.yaml", "schema.yaml"]:
        print("FAIL: files left: %s" % os.listdir(kb))
        bad += 1
    print("%d writers at once, %d changes present" % (n, n - len(missing)))
    return 1 if bad else 0


def readonly(kbq, tmp):
    kb = os.path.join(tmp, "kb")
    make_kb(kb, 50)
    with open(os.path.join(kb, "more.yaml"), "w") as f:
        f.write("- id: m1\n  kind: thing\n  name: M one\n  status: old\n")
    before = {n: open(os.path.join(kb, n), "rb").read() for n in os.listdir(kb)}
    # a copy of kbq that the unprivileged user can reach whatever the
    # build directory's modes (mutate.sh builds in a private one)
    shutil.copy(kbq, os.path.join(tmp, "kbq"))
    kbq = os.path.join(tmp, "kbq")
    # readable by all, writable by none but root
    for d in (tmp, kb):
        os.chmod(d, 0o555)
    drop = None
    if os.geteuid() == 0:
        def drop():
            os.setgid(65534)
            os.setuid(65534)
    bad = 0
    for args in (["set", "r1", "status=new"], ["add", "thing", "id=x", "name=X"],
                 ["rm", "r2"], ["mv", "r3", "r3b"],
                 ["add", "thing", "id=y", "name=Y", "--file",
                  os.path.join(kb, "new.yaml")]):
        p = subprocess.run([kbq, "--kb", kb] + args, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=env(), preexec_fn=drop)
        if p.returncode != 2 or b"error" not in p.stderr or p.stdout:
            print("FAIL: %s on a read-only KB: exit %d: %s%s" %
                  (" ".join(args), p.returncode, p.stdout.decode(),
                   p.stderr.decode()))
            bad += 1
        else:
            print("refused: kbq %s: %s" % (" ".join(args),
                                           p.stderr.decode().strip()))
    after = {n: open(os.path.join(kb, n), "rb").read() for n in os.listdir(kb)}
    if after != before:
        print("FAIL: the files changed: %s" % sorted(set(after) ^ set(before)))
        bad += 1
    for d in (tmp, kb):
        os.chmod(d, 0o755)
    return 1 if bad else 0


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in ("crash", "concurrent",
                                                 "readonly"):
        sys.exit(__doc__)
    kbq = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="kbq-crash-")
    try:
        rc = {"crash": crash, "concurrent": concurrent,
              "readonly": readonly}[sys.argv[2]](kbq, tmp)
    finally:
        shutil.rmtree(tmp)
    sys.exit(rc)


if __name__ == "__main__":
    main()
