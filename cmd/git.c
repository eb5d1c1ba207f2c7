/*
 * git.c - KBs as they were in a git revision (SPEC 3), read through the
 * `git` command: the library never starts a process, so the files are
 * fetched here and handed to kb_open_mem().
 *
 * Every git child is started with posix_spawnp (so a git missing from PATH
 * is an error returned, not a child that dies), its standard error goes to
 * a temporary file (read back for the message when it fails, so that
 * nothing git prints reaches the terminal unescaped), and it is always
 * reaped, its exit status checked.  No word a user wrote is ever taken by
 * git as an option: revisions come after --end-of-options, paths are
 * requested from `git cat-file --batch` on its standard input, never on its
 * command line, and pathspecs follow `--`.
 *
 * `git cat-file --batch` flushes after every object, so one request is
 * written and its whole answer read before the next: no deadlock however
 * large a blob is.
 */
#include "kbq.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* A blob larger than this is refused (SPEC: files up to 1 GiB). */
#define MAX_BLOB ((size_t)4 << 30)
/* Symbolic links to directories followed in one revision. */
#define MAX_DIRLINKS 256

/* ---- children ------------------------------------------------------------ */

/* A pipe whose ends are above 2 and closed on exec. */
static int pipe_cloexec(int fds[2])
{
	int i;

	if (pipe(fds) < 0)
		return -1;
	for (i = 0; i < 2; i++) {
		if (fds[i] <= 2) {
			int up = fcntl(fds[i], F_DUPFD_CLOEXEC, 3);
			if (up < 0) {
				close(fds[0]);
				close(fds[1]);
				return -1;
			}
			close(fds[i]);
			fds[i] = up;
		} else if (fcntl(fds[i], F_SETFD, FD_CLOEXEC) < 0) {
			close(fds[0]);
			close(fds[1]);
			return -1;
		}
	}
	return 0;
}

static void argv_add(const char **argv, size_t *n, const char *a)
{
	argv[(*n)++] = a;
	argv[*n] = NULL;
}

int kbq_git_start(struct kbq_git_proc *p, const char *dir,
		  const char *const *args, bool input, const char *where,
		  struct kb_error *err)
{
	const char *argv[64];
	posix_spawn_file_actions_t fa;
	int out[2] = { -1, -1 }, in[2] = { -1, -1 }, efd = -1, rc;
	size_t n = 0, i;

	memset(p, 0, sizeof(*p));
	p->to = -1;
	p->pid = -1;
	argv_add(argv, &n, "git");
	if (dir) {
		argv_add(argv, &n, "-C");
		argv_add(argv, &n, dir);
	}
	for (i = 0; args[i]; i++) {
		if (n + 2 >= sizeof(argv) / sizeof(*argv))
			return kb_err(err, KB_EUSAGE, where, 0, 0,
				      "too many arguments for git");
		argv_add(argv, &n, args[i]);
	}
	if ((p->err = tmpfile()))
		efd = fileno(p->err);
	if (pipe_cloexec(out) < 0 || (input && pipe_cloexec(in) < 0)) {
		rc = errno;
		if (out[0] >= 0) {
			close(out[0]);
			close(out[1]);
		}
		if (p->err)
			fclose(p->err);
		p->err = NULL;
		return kb_err(err, KB_EIO, where, 0, 0, "cannot run git: %s",
			      strerror(rc));
	}
	posix_spawn_file_actions_init(&fa);
	if (input)
		posix_spawn_file_actions_adddup2(&fa, in[0], 0);
	else
		posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, out[1], 1);
	if (efd >= 0)
		posix_spawn_file_actions_adddup2(&fa, efd, 2);
	else
		posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	rc = posix_spawnp(&p->pid, "git", &fa, NULL, (char *const *)(void *)argv,
			  environ);
	posix_spawn_file_actions_destroy(&fa);
	close(out[1]);
	if (input)
		close(in[0]);
	if (rc) {
		close(out[0]);
		if (input)
			close(in[1]);
		if (p->err)
			fclose(p->err);
		p->err = NULL;
		p->pid = -1;
		if (rc == ENOENT)
			return kb_err(err, KB_EIO, where, 0, 0,
				      "cannot run git: not found on PATH "
				      "(kbq reads revisions through the git "
				      "command)");
		return kb_err(err, KB_EIO, where, 0, 0, "cannot run git: %s",
			      strerror(rc));
	}
	p->to = input ? in[1] : -1;
	if (!(p->from = fdopen(out[0], "r"))) {
		rc = errno;
		close(out[0]);
		kbq_git_end(p, NULL);
		return kb_err(err, KB_ENOMEM, where, 0, 0, "cannot run git: %s",
			      strerror(rc));
	}
	return 0;
}

/* The first line of what git wrote on its standard error, without its
 * "fatal: " or "error: ", in buf (empty when nothing). */
static void first_err_line(FILE *fp, char *buf, size_t size)
{
	size_t n;
	char *nl;

	buf[0] = '\0';
	if (!fp || fseek(fp, 0, SEEK_SET) < 0)
		return;
	n = fread(buf, 1, size - 1, fp);
	buf[n] = '\0';
	if ((nl = strchr(buf, '\n')))
		*nl = '\0';
	if (!strncmp(buf, "fatal: ", 7))
		memmove(buf, buf + 7, strlen(buf + 7) + 1);
	else if (!strncmp(buf, "error: ", 7))
		memmove(buf, buf + 7, strlen(buf + 7) + 1);
}

int kbq_git_end(struct kbq_git_proc *p, char *msg)
{
	int status = 0;
	pid_t r;

	if (msg)
		msg[0] = '\0';
	if (p->to >= 0)
		close(p->to);
	p->to = -1;
	if (p->from)
		fclose(p->from);
	p->from = NULL;
	if (p->pid > 0) {
		while ((r = waitpid(p->pid, &status, 0)) < 0 && errno == EINTR)
			;
		if (r < 0)
			status = -1;
		else if (WIFEXITED(status))
			status = WEXITSTATUS(status);
		else
			status = 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	}
	p->pid = -1;
	if (msg && status)
		first_err_line(p->err, msg, KBQ_GIT_MSG);
	if (p->err)
		fclose(p->err);
	p->err = NULL;
	return status;
}

/* Run git to its end, its standard output in *out (malloc'd, NUL-ended). */
static int capture(const char *dir, const char *const *args, const char *where,
		   char **out, size_t *len, int *status, char *msg,
		   struct kb_error *err)
{
	struct kbq_git_proc p;
	size_t cap = 4096, n = 0, r;
	char *buf;
	int rc;

	if ((rc = kbq_git_start(&p, dir, args, false, where, err)))
		return rc;
	buf = xmalloc(cap);
	while ((r = fread(buf + n, 1, cap - n - 1, p.from)) > 0) {
		n += r;
		if (n + 1 == cap)
			buf = xrealloc(buf, cap *= 2);
	}
	buf[n] = '\0';
	*status = kbq_git_end(&p, msg);
	*out = buf;
	*len = n;
	return 0;
}

/* ---- cat-file --batch ------------------------------------------------------- */

int kbq_batch_open(struct kbq_batch *b, const char *dir, const char *where,
		   struct kb_error *err)
{
	static const char *const args[] = { "cat-file", "--batch",
					    "--follow-symlinks", NULL };

	memset(b, 0, sizeof(*b));
	b->where = where;
	return kbq_git_start(&b->p, dir, args, true, where, err);
}

static int write_all(int fd, const char *s, size_t len)
{
	struct sigaction ign, old;
	ssize_t w;
	int rc = 0;

	/* git gone: an error here, not kbq killed by SIGPIPE */
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	while (len) {
		w = write(fd, s, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			rc = -1;
			break;
		}
		s += w;
		len -= (size_t)w;
	}
	sigaction(SIGPIPE, &old, NULL);
	return rc;
}

static int batch_broken(struct kbq_batch *b, struct kb_error *err)
{
	char msg[KBQ_GIT_MSG];
	int st;

	b->dead = true;
	st = kbq_git_end(&b->p, msg);
	return kb_err(err, KB_EIO, b->where, 0, 0,
		      "git cat-file stopped (exit status %d)%s%s", st,
		      *msg ? ": " : "", msg);
}

bool kbq_git_hex(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strchr("0123456789abcdef", s[i]))
			return false;
	return n > 0;
}

int kbq_batch_get(struct kbq_batch *b, const char *name,
		  struct kbq_object *obj, struct kb_error *err)
{
	char *line = NULL, *sp1, *sp2, *end;
	size_t cap = 0, nl = strlen(name);
	ssize_t got;
	unsigned long long size;
	int rc = 0;

	memset(obj, 0, sizeof(*obj));
	if (b->dead)
		return kb_err(err, KB_EIO, b->where, 0, 0,
			      "git cat-file stopped");
	if (strchr(name, '\n'))
		return kb_err(err, KB_EUSAGE, b->where, 0, 0,
			      "a path with a line break cannot be read from "
			      "a revision");
	if (write_all(b->p.to, name, nl) < 0 || write_all(b->p.to, "\n", 1) < 0)
		return batch_broken(b, err);
	if ((got = getline(&line, &cap, b->p.from)) <= 0 ||
	    line[got - 1] != '\n') {
		free(line);
		return batch_broken(b, err);
	}
	line[--got] = '\0';
	/* "NAME missing" and "NAME ambiguous" echo the name asked for */
	if ((size_t)got > nl && !strncmp(line, name, nl) && line[nl] == ' ' &&
	    (!strcmp(line + nl + 1, "missing") ||
	     !strcmp(line + nl + 1, "ambiguous"))) {
		snprintf(obj->type, sizeof(obj->type), "%s", line + nl + 1);
		free(line);
		return 0;
	}
	/* "OID TYPE SIZE", or with --follow-symlinks "WHAT SIZE" (dangling,
	 * loop, notdir, symlink) followed by a name */
	sp1 = strchr(line, ' ');
	sp2 = sp1 ? strchr(sp1 + 1, ' ') : NULL;
	errno = 0;
	if (sp1 && sp2 && !strchr(sp2 + 1, ' ') && kbq_git_hex(line, (size_t)(sp1 - line)) &&
	    (size_t)(sp1 - line) < sizeof(obj->oid) &&
	    (size_t)(sp2 - sp1 - 1) < sizeof(obj->type)) {
		memcpy(obj->oid, line, (size_t)(sp1 - line));
		memcpy(obj->type, sp1 + 1, (size_t)(sp2 - sp1 - 1));
		size = strtoull(sp2 + 1, &end, 10);
	} else if (sp1 && !sp2 && (size_t)(sp1 - line) < sizeof(obj->type)) {
		memcpy(obj->type, line, (size_t)(sp1 - line));
		size = strtoull(sp1 + 1, &end, 10);
	} else {
		free(line);
		return batch_broken(b, err);
	}
	if (*end || errno || end == line) {
		free(line);
		return batch_broken(b, err);
	}
	free(line);
	if (size > MAX_BLOB) {
		/* the answer cannot be skipped cheaply: this session ends */
		b->dead = true;
		kbq_git_end(&b->p, NULL);
		return kb_err(err, KB_ELIMIT, b->where, 0, 0,
			      "object '%s' is larger than %zu GiB", name,
			      MAX_BLOB >> 30);
	}
	obj->data = xmalloc((size_t)size + 1);
	obj->len = (size_t)size;
	if (fread(obj->data, 1, obj->len, b->p.from) != obj->len ||
	    getc(b->p.from) != '\n') {
		free(obj->data);
		obj->data = NULL;
		return batch_broken(b, err);
	}
	obj->data[obj->len] = '\0';
	if (!obj->oid[0]) {	/* dangling, loop, notdir, symlink: no object */
		free(obj->data);
		obj->data = NULL;
		obj->len = 0;
	}
	return rc;
}

int kbq_batch_close(struct kbq_batch *b, struct kb_error *err)
{
	char msg[KBQ_GIT_MSG];
	int st;

	if (b->dead)
		return 0;
	b->dead = true;
	if ((st = kbq_git_end(&b->p, msg)))
		return kb_err(err, KB_EIO, b->where, 0, 0,
			      "git cat-file failed (exit status %d)%s%s", st,
			      *msg ? ": " : "", msg);
	return 0;
}

/* ---- revisions and paths ------------------------------------------------------ */

void kbq_git_split(const char *word, char **rev, char **path)
{
	const char *p;
	int depth = 0;

	/* git's own rule: the first ':' outside "@{...}" braces */
	for (p = word; *p; p++) {
		if (*p == '{')
			depth++;
		else if (depth && *p == '}')
			depth--;
		else if (!depth && *p == ':')
			break;
	}
	*rev = xmalloc((size_t)(p - word) + 1);
	memcpy(*rev, word, (size_t)(p - word));
	(*rev)[p - word] = '\0';
	*path = xstrdup(*p ? p + 1 : "");
}

/*
 * `path` taken as git takes REV:PATH: from the top of the repository, or
 * from `prefix` (the current directory's place in it) when it starts with
 * ./ or ../.  "." and ".." steps are resolved; NULL when it leaves the top.
 * The result has no leading or trailing '/' ("" is the top).
 */
static char *full_path(const char *prefix, const char *path)
{
	size_t cap = strlen(prefix) + strlen(path) + 2, n = 0;
	char *out = xmalloc(cap);
	const char *p = path, *seg;
	bool rel = !strcmp(path, ".") || !strcmp(path, "..") ||
		   !strncmp(path, "./", 2) || !strncmp(path, "../", 3);

	out[0] = '\0';
	if (rel) {
		n = strlen(prefix);
		memcpy(out, prefix, n + 1);
		while (n && out[n - 1] == '/')
			out[--n] = '\0';
	}
	while (*p) {
		size_t len;

		while (*p == '/')
			p++;
		if (!*p)
			break;
		seg = p;
		while (*p && *p != '/')
			p++;
		len = (size_t)(p - seg);
		if (len == 1 && seg[0] == '.')
			continue;
		if (len == 2 && seg[0] == '.' && seg[1] == '.') {
			char *slash;
			if (!n) {
				free(out);
				return NULL;
			}
			slash = strrchr(out, '/');
			n = slash ? (size_t)(slash - out) : 0;
			out[n] = '\0';
			continue;
		}
		if (n)
			out[n++] = '/';
		memcpy(out + n, seg, len);
		n += len;
		out[n] = '\0';
	}
	return out;
}

void kbq_gitkb_free(struct kbq_gitkb *g)
{
	free(g->rev);
	free(g->path);
	free(g->full);
	free(g->oid);
	free(g->shown);
	free(g->dir);
	memset(g, 0, sizeof(*g));
}

/* The last line of git's output, without its newline. */
static void chomp(char *s)
{
	size_t n = strlen(s);

	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
}

int kbq_git_resolve(struct kbq_gitkb *g, const char *word, const char *dir,
		    const char *peel, struct kb_error *err)
{
	static const char *const prefix_args[] = { "rev-parse", "--show-prefix",
						   NULL };
	const char *args[8];
	char msg[KBQ_GIT_MSG], *out, *spec;
	size_t len, n;
	int st, rc;

	memset(g, 0, sizeof(*g));
	if (dir)
		g->dir = xstrdup(dir);
	kbq_git_split(word, &g->rev, &g->path);
	/* the name shown for the KB: PATH without its trailing slashes */
	n = strlen(g->path);
	while (n > 1 && g->path[n - 1] == '/')
		g->path[--n] = '\0';
	g->shown = xstrdup(word);
	n = strlen(g->shown);
	while (n >= 2 && g->shown[n - 1] == '/' && g->shown[n - 2] != ':')
		g->shown[--n] = '\0';
	if (!*g->rev) {
		rc = kb_err(err, KB_EUSAGE, word, 0, 0,
			    "no revision before ':' (REV:PATH, e.g. HEAD:kb; "
			    "the index is not read)");
		goto fail;
	}
	/* in a repository at all?  and where the current directory is in it */
	if ((rc = capture(g->dir, prefix_args, word, &out, &len, &st, msg, err)))
		goto fail;
	if (st) {
		free(out);
		if (!*msg || !strncmp(msg, "not a git repository", 20))
			rc = kb_err(err, KB_EIO, word, 0, 0, g->dir ?
				    "not in a git repository" :
				    "not a git repository (REV:PATH reads the "
				    "repository of the current directory)");
		else
			rc = kb_err(err, KB_EIO, word, 0, 0,
				    "cannot read the repository: git: %s", msg);
		goto fail;
	}
	chomp(out);
	g->full = full_path(out, g->path);
	free(out);
	if (!g->full) {
		rc = kb_err(err, KB_EUSAGE, word, 0, 0,
			    "path '%s' is outside the repository", g->path);
		goto fail;
	}
	/* the revision, peeled to a commit or a tree; never an option */
	spec = xmalloc(strlen(g->rev) + strlen(peel) + 4);
	sprintf(spec, "%s^{%s}", g->rev, peel);
	n = 0;
	args[n++] = "rev-parse";
	args[n++] = "--verify";
	args[n++] = "--quiet";
	args[n++] = "--end-of-options";
	args[n++] = spec;
	args[n] = NULL;
	rc = capture(g->dir, args, word, &out, &len, &st, msg, err);
	free(spec);
	if (rc)
		goto fail;
	chomp(out);
	if (st || !kbq_git_hex(out, strlen(out))) {
		free(out);
		if (st == 1 || !*msg)
			rc = kb_err(err, KB_EIO, word, 0, 0,
				    "unknown revision '%s'%s", g->rev,
				    strcmp(peel, "commit") ? "" :
				    " (or not a commit)");
		else
			rc = kb_err(err, KB_EIO, word, 0, 0,
				    "cannot read revision '%s': git: %s",
				    g->rev, msg);
		goto fail;
	}
	g->oid = out;
	return 0;
fail:
	kbq_gitkb_free(g);
	return rc;
}

/* ---- a KB from a revision ----------------------------------------------------- */

void kbq_files_add(struct kbq_files *f, const char *name, char *data,
		   size_t len)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 64;
		f->v = xrealloc(f->v, f->cap * sizeof(*f->v));
	}
	f->v[f->n].name = xstrdup(name);
	f->v[f->n].data = data;
	f->v[f->n].len = len;
	f->n++;
}

void kbq_files_free(struct kbq_files *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		free((void *)(uintptr_t)f->v[i].name);
		free((void *)(uintptr_t)f->v[i].data);
	}
	free(f->v);
	free(f->root);
	memset(f, 0, sizeof(*f));
}

/*
 * The blobs of a KB, fetched by a thread of their own through the batch
 * (which it then owns and closes) while the calling thread parses the
 * files that arrived: git inflates the next file on one core while kbq
 * reads the last on the other.  kb_open_mem() asks for each file through
 * fetch_wait() (kb_open_opts.fetch).
 */
struct prefetch {
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct kbq_batch *b;
	struct kbq_files *files;
	char **oids;		/* per file: its blob, or NULL (data given) */
	char **data;		/* fetched, published under mu */
	size_t *len;
	bool *ready;
	size_t first, last;	/* fetched first (the schema), last */
	bool done, stop;	/* the thread ended; asked to end */
	int rc;
	struct kb_error err;	/* the first failure */
};

/* The files of each KB read from git, kept until the KB is closed (or kbq
 * exits). */
struct store {
	struct kb *kb;
	struct kbq_files files;
	char **oids;		/* blobs not fetched yet, per file */
	struct prefetch *pf;	/* fetching them, or NULL */
};

static void prefetch_end(struct store *s);

static struct store **stores;
static size_t nstores;
static bool release_registered;

static void stores_free_one(struct store *s)
{
	size_t i;

	prefetch_end(s);
	for (i = 0; s->oids && i < s->files.n; i++)
		free(s->oids[i]);
	free(s->oids);
	kbq_files_free(&s->files);
	free(s);
}

static void stores_release(void)
{
	size_t i;

	/* kbq is exiting: the KBs are freed, or no longer read */
	for (i = 0; i < nstores; i++)
		stores_free_one(stores[i]);
	free(stores);
	stores = NULL;
	nstores = 0;
}

void kbq_close_kb(struct kb *kb)
{
	size_t i;

	kb_free(kb);
	for (i = 0; kb && i < nstores; i++)
		if (stores[i]->kb == kb) {
			stores_free_one(stores[i]);
			stores[i] = stores[--nstores];
			break;
		}
}

/* A KB's files found in a revision's tree. */
struct listing {
	struct kbq_gitkb *g;
	struct kbq_batch *b;
	struct kbq_files *s;
	const char *where;
	char **trees;		/* tree oids seen, for links to directories */
	size_t ntrees, captrees;
	size_t dirlinks;
	char ***oids;		/* the store's, per file */
	size_t capoids;
	struct kb_error *err;
};

static bool yaml_name(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t n;

	base = base ? base + 1 : path;
	n = strlen(base);
	return (n > 5 && !strcmp(base + n - 5, ".yaml")) ||
	       (n > 4 && !strcmp(base + n - 4, ".yml"));
}

/* Does a step of the path start with '.' (skipped, as on disk)? */
static bool dotted(const char *path)
{
	const char *p = path;

	for (;;) {
		if (*p == '.')
			return true;
		if (!(p = strchr(p, '/')))
			return false;
		p++;
	}
}

bool kbq_git_kb_file(const char *rel)
{
	return !dotted(rel) && yaml_name(rel);
}

static bool tree_seen(struct listing *l, const char *oid)
{
	size_t i;

	for (i = 0; i < l->ntrees; i++)
		if (!strcmp(l->trees[i], oid))
			return true;
	return false;
}

static void tree_add(struct listing *l, const char *oid, size_t len)
{
	char *t;

	if (l->ntrees == l->captrees) {
		l->captrees = l->captrees ? l->captrees * 2 : 64;
		l->trees = xrealloc(l->trees, l->captrees * sizeof(*l->trees));
	}
	t = xmalloc(len + 1);
	memcpy(t, oid, len);
	t[len] = '\0';
	l->trees[l->ntrees++] = t;
}

/* One file of the KB, `rel` below its root: its blob is fetched later,
 * while the files before it are parsed (struct prefetch). */
static void take_blob(struct listing *l, const char *rel, const char *oid)
{
	char *name = xmalloc(strlen(l->s->root) + strlen(rel) + 1);

	strcpy(name, l->s->root);
	strcat(name, rel);
	kbq_files_add(l->s, name, NULL, 0);
	free(name);
	if (l->s->n > l->capoids) {
		l->capoids = l->s->cap;
		*l->oids = xrealloc(*l->oids, l->capoids * sizeof(**l->oids));
	}
	(*l->oids)[l->s->n - 1] = xstrdup(oid);
}

/* A file whose bytes are read already (a link, a one-file KB). */
static void take_data(struct listing *l, const char *name, char *data,
		      size_t len)
{
	kbq_files_add(l->s, name, data, len);
	if (l->s->n > l->capoids) {
		l->capoids = l->s->cap;
		*l->oids = xrealloc(*l->oids, l->capoids * sizeof(**l->oids));
	}
	(*l->oids)[l->s->n - 1] = NULL;
}

static int list_tree(struct listing *l, const char *oid, const char *pre,
		     unsigned depth);

/* A symbolic link in the tree, followed as the file system would: to a
 * file (taken when its name is a YAML file's) or to a directory (walked,
 * unless its tree was walked already). */
static int take_link(struct listing *l, const char *rel, unsigned depth)
{
	struct kbq_object obj;
	char *name, *shown;
	int rc;
	bool yaml = yaml_name(rel);

	/* asked by path from the revision's top, so that git resolves the
	 * link where it points, also outside the KB */
	name = xmalloc(strlen(l->g->oid) + strlen(l->g->full) + strlen(rel) + 3);
	sprintf(name, "%s:%s%s%s", l->g->oid, l->g->full, *l->g->full ? "/" : "",
		rel);
	rc = kbq_batch_get(l->b, name, &obj, l->err);
	free(name);
	if (rc)
		return rc;
	shown = xmalloc(strlen(l->s->root) + strlen(rel) + 1);
	strcpy(shown, l->s->root);
	strcat(shown, rel);
	if (!strcmp(obj.type, "blob") && yaml) {
		take_data(l, shown, obj.data, obj.len);
	} else if (!strcmp(obj.type, "tree")) {
		free(obj.data);
		if (!tree_seen(l, obj.oid)) {
			char *sub = xmalloc(strlen(rel) + 2);
			if (++l->dirlinks > MAX_DIRLINKS) {
				free(sub);
				rc = kb_err(l->err, KB_ELIMIT, shown, 0, 0,
					    "more than %d symbolic links to "
					    "directories", MAX_DIRLINKS);
			} else {
				sprintf(sub, "%s/", rel);
				rc = list_tree(l, obj.oid, sub, depth + 1);
				free(sub);
			}
		}
	} else if (yaml && strcmp(obj.type, "blob")) {
		/* what stat() would fail on: a link to nowhere */
		free(obj.data);
		rc = kb_err(l->err, KB_EIO, shown, 0, 0,
			    "cannot read: symbolic link %s",
			    !strcmp(obj.type, "missing") ||
			    !strcmp(obj.type, "dangling") ? "to nothing" :
			    !strcmp(obj.type, "loop") ? "in a loop" :
			    !strcmp(obj.type, "symlink") ? "out of the repository" :
			    "to no file");
	} else {
		free(obj.data);
	}
	free(shown);
	return rc;
}

/* Every file below the tree `oid`, named `pre` + its path. */
static int list_tree(struct listing *l, const char *oid, const char *pre,
		     unsigned depth)
{
	const char *args[] = { "ls-tree", "-r", "-t", "-z", "--full-tree",
			       "--end-of-options", oid, NULL };
	char msg[KBQ_GIT_MSG], *out, *p, *end;
	size_t len;
	int st, rc = 0;

	if (depth > 256)
		return kb_err(l->err, KB_ELIMIT, l->where, 0, 0,
			      "directories nest deeper than 256 levels");
	tree_add(l, oid, strlen(oid));
	if ((rc = capture(l->g->dir, args, l->where, &out, &len, &st, msg, l->err)))
		return rc;
	if (st) {
		free(out);
		return kb_err(l->err, KB_EIO, l->where, 0, 0,
			      "git ls-tree failed (exit status %d)%s%s", st,
			      *msg ? ": " : "", msg);
	}
	/* first the trees, so that a link to one of them is known as such */
	for (p = out; p < out + len; p = end + 1) {
		char *tab;
		end = memchr(p, '\0', (size_t)(out + len - p));
		if (!end)
			break;
		tab = strchr(p, '\t');
		if (tab && !strncmp(p, "040000 tree ", 12))
			tree_add(l, p + 12, (size_t)(tab - p - 12));
	}
	for (p = out; p < out + len && !rc; p = end + 1) {
		char *tab, *rel, *oidp;
		bool link;

		end = memchr(p, '\0', (size_t)(out + len - p));
		if (!end)
			end = out + len;
		if (!(tab = memchr(p, '\t', (size_t)(end - p))) || tab - p < 13) {
			rc = kb_err(l->err, KB_EIO, l->where, 0, 0,
				    "cannot read git ls-tree's output");
			break;
		}
		*tab = '\0';
		oidp = strrchr(p, ' ') + 1;
		rel = xmalloc(strlen(pre) + strlen(tab + 1) + 1);
		strcpy(rel, pre);
		strcat(rel, tab + 1);
		link = !strncmp(p, "120000 ", 7);
		if (dotted(rel) || strncmp(p + 7, "blob ", 5)) {
			;	/* hidden, or a tree (listed), or a submodule */
		} else if (link) {
			rc = take_link(l, rel, depth);
		} else if (yaml_name(rel) &&
			   !(!strcmp(rel, "schema.yaml") && l->g->schema_set)) {
			take_blob(l, rel, oidp);
		}
		free(rel);
	}
	free(out);
	return rc;
}

static void *prefetch_run(void *arg)
{
	struct prefetch *p = arg;
	struct kbq_object obj;
	struct kb_error e = { 0 };
	size_t k, i;
	int rc = 0;

	/* the schema first (kb_open_mem reads it before any record), then
	 * the files in the order listed, which is the order they are read */
	for (k = 0; k <= p->files->n && !rc; k++) {
		i = k == 0 ? p->first : k - 1;
		if ((k > 0 && i == p->first) || i >= p->files->n || !p->oids[i])
			continue;
		pthread_mutex_lock(&p->mu);
		rc = p->stop;
		pthread_mutex_unlock(&p->mu);
		if (rc)
			break;
		if ((rc = kbq_batch_get(p->b, p->oids[i], &obj, &e)))
			break;
		if (strcmp(obj.type, "blob")) {
			free(obj.data);
			rc = kb_err(&e, KB_EIO, p->files->v[i].name, 0, 0,
				    "cannot read: git answers '%s'", obj.type);
			break;
		}
		pthread_mutex_lock(&p->mu);
		p->data[i] = obj.data;
		p->len[i] = obj.len;
		p->ready[i] = true;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
	if (rc)
		kbq_batch_close(p->b, NULL);
	else
		rc = kbq_batch_close(p->b, &e);
	pthread_mutex_lock(&p->mu);
	if (rc && !p->stop) {
		p->rc = rc;
		p->err = e;	/* p owns its strings now */
	} else if (rc) {
		kb_error_free(&e);
	}
	p->done = true;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* kb_open_opts.fetch: wait for the file's blob; for the last one also
 * for git cat-file's exit, so that its status is checked. */
static int fetch_wait(const struct kb_memfile *f, const char **data,
		      size_t *len, void *ud, struct kb_error *err)
{
	struct prefetch *p = ud;
	size_t i = (size_t)(f - p->files->v);
	int rc = 0;

	pthread_mutex_lock(&p->mu);
	while (!p->done && (!p->ready[i] || i == p->last))
		pthread_cond_wait(&p->cv, &p->mu);
	if (p->ready[i] && !(i == p->last && p->rc)) {
		*data = p->data[i];
		*len = p->len[i];
	} else {
		/* a copy: p's error is freed with p */
		rc = p->rc ? p->rc : KB_EIO;
		if (p->rc)
			kb_err(err, p->err.code, p->err.file, p->err.line,
			       p->err.col, "%s", p->err.message);
		else
			kb_err(err, KB_EIO, f->name, 0, 0, "cannot read");
	}
	pthread_mutex_unlock(&p->mu);
	return rc;
}

/* Start fetching the store's pending blobs: 0, or -1 when there are none
 * or no thread could be started (then they are fetched here and now). */
static int prefetch_start(struct store *s, struct kbq_batch *b)
{
	struct prefetch *p;
	size_t i, n = s->files.n;
	bool any = false;

	for (i = 0; i < n; i++)
		any |= s->oids[i] != NULL;
	if (!any)
		return -1;
	p = xcalloc(1, sizeof(*p));
	p->b = b;
	p->files = &s->files;
	p->oids = s->oids;
	p->data = xcalloc(n, sizeof(*p->data));
	p->len = xcalloc(n, sizeof(*p->len));
	p->ready = xcalloc(n, sizeof(*p->ready));
	/* fetched first: the schema if it is pending, else the first one;
	 * last: the last pending one but the first, if any */
	p->first = n;
	for (i = 0; i < n; i++) {
		size_t lr = strlen(s->files.root), ln = strlen(s->files.v[i].name);

		if (s->oids[i] && ln == lr + 11 &&
		    !strcmp(s->files.v[i].name + lr, "schema.yaml"))
			p->first = i;
	}
	for (i = 0; i < n && p->first == n; i++)
		if (s->oids[i])
			p->first = i;
	p->last = p->first;
	for (i = n; i-- > 0;)
		if (s->oids[i] && i != p->first) {
			p->last = i;
			break;
		}
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	if (pthread_create(&p->th, NULL, prefetch_run, p)) {
		pthread_mutex_destroy(&p->mu);
		pthread_cond_destroy(&p->cv);
		free(p->data);
		free(p->len);
		free(p->ready);
		free(p);
		return -1;
	}
	s->pf = p;
	return 0;
}

/* Stop and join the thread; the blobs it fetched become the files' own
 * data (read directly from now on) or are freed. */
static void prefetch_end(struct store *s)
{
	struct prefetch *p = s->pf;
	size_t i;

	if (!p)
		return;
	pthread_mutex_lock(&p->mu);
	p->stop = true;
	pthread_mutex_unlock(&p->mu);
	if (!pthread_equal(p->th, pthread_self()))
		pthread_join(p->th, NULL);
	for (i = 0; i < s->files.n; i++)
		if (p->ready[i] && !s->files.v[i].data) {
			s->files.v[i].data = p->data[i];
			s->files.v[i].len = p->len[i];
		}
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->cv);
	kb_error_free(&p->err);
	free(p->b);
	free(p->data);
	free(p->len);
	free(p->ready);
	free(p);
	s->pf = NULL;
}

/* Without a thread: every pending blob, in turn. */
static int fetch_all(struct store *s, struct kbq_batch *b,
		     struct kb_error *err)
{
	struct kbq_object obj;
	size_t i;
	int rc;

	for (i = 0; i < s->files.n; i++) {
		if (!s->oids[i])
			continue;
		if ((rc = kbq_batch_get(b, s->oids[i], &obj, err)))
			return rc;
		if (strcmp(obj.type, "blob")) {
			free(obj.data);
			return kb_err(err, KB_EIO, s->files.v[i].name, 0, 0,
				      "cannot read: git answers '%s'", obj.type);
		}
		s->files.v[i].data = obj.data;
		s->files.v[i].len = obj.len;
	}
	return 0;
}

int kbq_git_open(const char *word, const struct kb_open_opts *opts,
		 struct kb **out, struct kb_error *err)
{
	struct kb_open_opts oo = *opts;
	struct kbq_gitkb g;
	struct kbq_batch *b;
	struct kbq_object obj;
	struct listing l;
	struct store *s;
	char *name;
	int rc;
	size_t i;

	*out = NULL;
	if ((rc = kbq_git_resolve(&g, word, NULL, "tree", err)))
		return rc;
	g.schema_set = opts->schema != NULL;
	b = xcalloc(1, sizeof(*b));
	if ((rc = kbq_batch_open(b, NULL, word, err))) {
		kbq_gitkb_free(&g);
		free(b);
		return rc;
	}
	s = xcalloc(1, sizeof(*s));
	/* PATH itself, followed if it is a link */
	name = xmalloc(strlen(g.oid) + strlen(g.full) + 2);
	sprintf(name, "%s%s%s", g.oid, *g.full ? ":" : "", g.full);
	rc = kbq_batch_get(b, name, &obj, err);
	free(name);
	if (rc)
		goto done;
	memset(&l, 0, sizeof(l));
	l.s = &s->files;
	l.oids = &s->oids;
	if (!strcmp(obj.type, "blob")) {
		/* a KB that is one file: named as written, never a schema */
		s->files.root = xstrdup(g.shown);
		take_data(&l, g.shown, obj.data, obj.len);
		oo.display = s->files.root;
	} else if (!strcmp(obj.type, "tree")) {
		free(obj.data);
		s->files.root = xmalloc(strlen(g.shown) + 2);
		sprintf(s->files.root, "%s%s", g.shown,
			strchr(":/", g.shown[strlen(g.shown) - 1]) ? "" : "/");
		oo.display = s->files.root;
		l.g = &g;
		l.b = b;
		l.where = word;
		l.err = err;
		rc = list_tree(&l, obj.oid, "", 0);
		for (i = 0; i < l.ntrees; i++)
			free(l.trees[i]);
		free(l.trees);
	} else {
		free(obj.data);
		if (!strcmp(obj.type, "missing"))
			rc = kb_err(err, KB_EIO, word, 0, 0,
				    "cannot read: no '%s' in revision '%s'",
				    g.path, g.rev);
		else
			rc = kb_err(err, KB_EIO, word, 0, 0,
				    "cannot read: '%s' in revision '%s' is %s",
				    g.path, g.rev,
				    !strcmp(obj.type, "commit") ? "a submodule" :
				    !strcmp(obj.type, "symlink") ?
				    "a symbolic link out of the repository" :
				    !strcmp(obj.type, "loop") ?
				    "a symbolic link in a loop" :
				    "a symbolic link to nothing");
	}
done:
	if (!rc && !prefetch_start(s, b)) {
		oo.fetch = fetch_wait;
		oo.fetch_ud = s->pf;
		b = NULL;	/* the thread's now */
	} else if (!rc) {
		rc = fetch_all(s, b, err);
	}
	if (b) {
		if (rc)
			kbq_batch_close(b, NULL);
		else
			rc = kbq_batch_close(b, err);
		free(b);
	}
	if (!rc)
		rc = kb_open_mem(out, s->files.v, s->files.n, &oo, err);
	/* loaded whole, every blob has arrived: the thread has ended */
	if (!rc && !opts->stream)
		prefetch_end(s);
	kbq_gitkb_free(&g);
	if (rc) {
		stores_free_one(s);
		return rc;
	}
	s->kb = *out;
	if (!release_registered)
		release_registered = atexit(stores_release) == 0;
	stores = xrealloc(stores, (nstores + 1) * sizeof(*stores));
	stores[nstores++] = s;
	return 0;
}
