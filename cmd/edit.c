/*
 * edit.c - what the change commands (add, set, rm, mv; init for writing
 * files) share: the lock on the KB's root, assignment words, the unified
 * diff of -n, and writing files so that nothing is lost (SPEC 4).
 *
 * Writing a file: a temporary file ".NAME.XXXXXX" beside it (at its real
 * place: a symlink is written at its target), filled from the old bytes
 * and the library's splices, flushed, given the old file's mode, then
 * renamed over the old one and the directory flushed.  Every file of a
 * change is prepared so before the first rename, and each is checked to
 * be the file the library read (device, inode, size, times): a file
 * changed since is not overwritten, and then nothing is renamed.  The
 * temporary files are removed on any failure and on SIGINT, SIGTERM,
 * SIGHUP and SIGPIPE; only SIGKILL can leave one, which no KB walk reads
 * (its name starts with a dot).
 */
#define _XOPEN_SOURCE 700
#include "kbq.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- assignments ---------------------------------------------------------- */

bool kbq_assign_parse(const char *w, int word, struct kb_assign *a)
{
	const char *eq = strchr(w, '=');
	size_t n;
	char *field;

	if (!eq || eq == w)
		return false;
	n = (size_t)(eq - w);
	a->op = KB_ASSIGN_SET;
	if (n > 1 && (eq[-1] == '+' || eq[-1] == '-')) {
		a->op = eq[-1] == '+' ? KB_ASSIGN_APPEND : KB_ASSIGN_REMOVE;
		n--;
	}
	a->value = eq + 1;
	if (a->op == KB_ASSIGN_SET && !*a->value)
		a->value = NULL;
	field = xmalloc(n + 1);
	memcpy(field, w, n);
	field[n] = '\0';
	a->field = field;
	a->word = word;
	return true;
}

void kbq_assigns_free(struct kb_assign *a, size_t n)
{
	size_t i;

	for (i = 0; a && i < n; i++)
		free((void *)(uintptr_t)a[i].field);
	free(a);
}

struct kb_assign *kbq_assigns(struct kbq_ctx *ctx, size_t from)
{
	struct kb_assign *a = xcalloc(ctx->nargs + 1, sizeof(*a));
	size_t i;

	for (i = from; i < ctx->nargs; i++) {
		struct kb_assign *x = &a[i - from];

		if (!kbq_assign_parse(ctx->args[i], (int)i, x) ||
		    (x->op != KB_ASSIGN_SET && !*x->value)) {
			kbq_esc_printf(stderr, "kbq: error: '%s' is no assignment "
				       "(FIELD=VALUE, FIELD+=VALUE, FIELD-=VALUE "
				       "or FIELD= to remove)", ctx->args[i]);
			fputc('\n', stderr);
			kbq_assigns_free(a, i - from + (x->field != NULL));
			return NULL;
		}
	}
	return a;
}

/* ---- opening the KB to change ------------------------------------------------ */

struct kb_edit *kbq_edit_start(struct kbq_ctx *ctx)
{
	const char *path = kbq_kb_path(ctx);
	const char *why = NULL;
	struct kb_edit *ed;
	struct kb_error err;
	struct stat st;
	char *dir;
	int fd;

	switch (path && !*path ? KBQ_KB_BUILTIN : kbq_kb_source(path)) {
	case KBQ_KB_BUILTIN:
		why = "the KB built into kbq";
		break;
	case KBQ_KB_STDIN:
		why = "a KB read from standard input";
		break;
	case KBQ_KB_REV:
		why = "a KB from a git revision";
		break;
	case KBQ_KB_PATH:
		break;
	}
	if (why) {
		kbq_error("%s cannot be changed; start a KB of your own with "
			  "'kbq init DIR' and name it with --kb DIR or $KBQ_KB",
			  why);
		return NULL;
	}
	if (stat(path, &st) < 0) {
		kbq_error("%s: cannot read: %s", path, strerror(errno));
		return NULL;
	}
	/* the lock: on the root directory, or the directory of a KB file
	 * (a file is replaced when written, its lock would go with it);
	 * the kernel drops it when kbq ends, however it ends */
	if (S_ISDIR(st.st_mode)) {
		dir = xstrdup(path);
	} else {
		const char *slash = strrchr(path, '/');

		dir = slash ? xstrdup(path) : xstrdup(".");
		if (slash)
			dir[slash == path ? 1 : slash - path] = '\0';
	}
	fd = open(dir, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || flock(fd, LOCK_EX) < 0) {
		kbq_error("%s: cannot lock: %s", dir, strerror(errno));
		free(dir);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	free(dir);
	/* held until exit: fd is never closed */
	ctx->stream = false;
	if (kbq_open_report(ctx) < 0)
		return NULL;
	if (kb_edit_new(&ed, ctx->kb, &err)) {
		kbq_report(&err, NULL, 0);
		return NULL;
	}
	return ed;
}

int kbq_edit_fail(struct kbq_ctx *ctx, struct kb_edit *ed,
		  struct kb_error *err, int word)
{
	if (err->word < 0 && !err->file[0])
		err->word = word;
	kbq_report(err, ctx->args, ctx->nargs);
	kb_edit_free(ed);
	return 2;
}

/* ---- the old bytes ------------------------------------------------------------------ */

static char *old_file(const struct kb_edit_file *f)
{
	char *buf = xmalloc((size_t)f->size + 1);

	if (f->size && kb_edit_read(f, 0, buf, (size_t)f->size) < 0) {
		kbq_error("%s: cannot read: %s", f->shown, strerror(errno));
		free(buf);
		return NULL;
	}
	buf[f->size] = '\0';
	return buf;
}

/* ---- -n: a unified diff -------------------------------------------------------------- */

#define CONTEXT 3

/* A changed stretch of whole old lines and what replaces it. */
struct chunk {
	size_t from, to;	/* old bytes, whole lines */
	size_t tail;		/* old bytes [tail, to) end the text */
	size_t line, nlines;	/* old: first line (0-based), count */
	char *text;		/* what replaces [from, to) */
	size_t tlen, ntext;	/* its bytes and lines */
};

static size_t line_start(const char *s, size_t off)
{
	while (off && s[off - 1] != '\n')
		off--;
	return off;
}

static size_t next_line(const char *s, size_t len, size_t off)
{
	const char *nl = memchr(s + off, '\n', len - off);

	return nl ? (size_t)(nl - s) + 1 : len;
}

static size_t count_lines(const char *s, size_t n)
{
	size_t c = 0, i;

	for (i = 0; i < n; i++)
		c += s[i] == '\n';
	return c + (n && s[n - 1] != '\n');
}

static void put_lines(char mark, const char *s, size_t n)
{
	size_t i = 0, e;

	while (i < n) {
		e = next_line(s, n, i);
		putchar(mark);
		fwrite(s + i, 1, e - i, stdout);
		if (s[e - 1] != '\n')
			fputs("\n\\ No newline at end of file\n", stdout);
		i = e;
	}
}

/* Lines [a, b) of old (0-based), as context. */
static void put_context(const char *old, size_t len, const size_t *ls,
			size_t nls, size_t a, size_t b)
{
	if (a >= b || a >= nls)
		return;
	put_lines(' ', old + ls[a], (b < nls ? ls[b] : len) - ls[a]);
}

/* The length of the first line of s[0..n) (its '\n' included). */
static size_t first_line(const char *s, size_t n)
{
	const char *nl = memchr(s, '\n', n);

	return nl ? (size_t)(nl - s) + 1 : n;
}

/* The length of the last line of s[0..n), which ends with '\n'. */
static size_t last_line(const char *s, size_t n)
{
	size_t i = n - 1;

	while (i && s[i - 1] != '\n')
		i--;
	return n - i;
}

/* Lines that a chunk leaves as they were, at its start or end, are
 * context, not change. */
static void trim(const char *old, struct chunk *c)
{
	size_t k;

	while (c->from < c->to && c->tlen) {
		k = first_line(old + c->from, c->to - c->from);
		if (k != first_line(c->text, c->tlen) || old[c->from + k - 1] != '\n' ||
		    memcmp(old + c->from, c->text, k))
			break;
		c->from += k;
		memmove(c->text, c->text + k, c->tlen - k);
		c->tlen -= k;
	}
	while (c->from < c->to && c->tlen && old[c->to - 1] == '\n' &&
	       c->text[c->tlen - 1] == '\n') {
		k = last_line(old + c->from, c->to - c->from);
		if (k != last_line(c->text, c->tlen) ||
		    memcmp(old + c->to - k, c->text + c->tlen - k, k))
			break;
		c->to -= k;
		c->tlen -= k;
	}
}

static void diff_file(const struct kb_edit_file *f, const char *old)
{
	size_t len = (size_t)f->size, i, k, nls = 0, cap = 0, nch = 0;
	size_t *ls = NULL;
	struct chunk *ch = xcalloc(f->nsplices + 1, sizeof(*ch)), *c;
	long delta = 0;

	/* the start of each old line */
	for (i = 0; i < len; i = next_line(old, len, i)) {
		if (nls == cap) {
			cap = cap ? cap * 2 : 256;
			ls = xrealloc(ls, cap * sizeof(*ls));
		}
		ls[nls++] = i;
	}
	/* the splices widened to whole lines, those that share a line joined */
	for (i = 0; i < f->nsplices; i++) {
		const struct kb_splice *s = &f->splices[i];
		size_t off = (size_t)s->off, end = (size_t)(s->off + s->len);
		size_t from = line_start(old, off), to;

		if (end == line_start(old, end) && (s->len || off == from))
			to = end;
		else
			to = next_line(old, len, end);
		/* what replaces whole lines is whole lines too */
		if (to == end && to < len && off > from && !s->tlen)
			to = next_line(old, len, end);
		if (to == end && to < len && s->tlen && s->text[s->tlen - 1] != '\n')
			to = next_line(old, len, end);
		if (nch && from <= ch[nch - 1].to) {
			c = &ch[nch - 1];
			c->tlen -= c->to - c->tail;
			if (to < c->to)
				to = c->to;
		} else {
			c = &ch[nch++];
			c->from = c->tail = from;
		}
		c->text = xrealloc(c->text, c->tlen + (off - c->tail) + s->tlen +
				   (to - end) + 1);
		memcpy(c->text + c->tlen, old + c->tail, off - c->tail);
		c->tlen += off - c->tail;
		memcpy(c->text + c->tlen, s->text, s->tlen);
		c->tlen += s->tlen;
		memcpy(c->text + c->tlen, old + end, to - end);
		c->tlen += to - end;
		c->tail = end;
		c->to = to;
	}
	for (i = 0; i < nch; i++) {
		c = &ch[i];
		trim(old, c);
		c->ntext = count_lines(c->text, c->tlen);
		while (c->line < nls && ls[c->line] < c->from)
			c->line++;
		c->nlines = count_lines(old + c->from, c->to - c->from);
	}
	printf("--- %s%s\n+++ b/%s\n", f->created ? "" : "a/",
	       f->created ? "/dev/null" : f->rel, f->rel);
	for (i = 0; i < nch;) {
		size_t first = i, last = i, a, b, j, oldn, newn;

		while (last + 1 < nch && ch[last + 1].line <=
		       ch[last].line + ch[last].nlines + 2 * CONTEXT)
			last++;
		a = ch[first].line > CONTEXT ? ch[first].line - CONTEXT : 0;
		b = ch[last].line + ch[last].nlines + CONTEXT;
		if (b > nls)
			b = nls;
		oldn = newn = b - a;
		for (k = first; k <= last; k++)
			newn = newn - ch[k].nlines + ch[k].ntext;
		printf("@@ -%zu,%zu +%zu,%zu @@\n", oldn ? a + 1 : a, oldn,
		       (size_t)((long)a + delta) + (newn ? 1 : 0), newn);
		for (k = first, j = a; k <= last; k++) {
			put_context(old, len, ls, nls, j, ch[k].line);
			put_lines('-', old + ch[k].from, ch[k].to - ch[k].from);
			put_lines('+', ch[k].text, ch[k].tlen);
			j = ch[k].line + ch[k].nlines;
			delta += (long)ch[k].ntext - (long)ch[k].nlines;
		}
		put_context(old, len, ls, nls, j, b);
		i = last + 1;
	}
	for (i = 0; i < nch; i++)
		free(ch[i].text);
	free(ch);
	free(ls);
}

/* ---- writing ------------------------------------------------------------------------------- */

/* The temporary files of a change, removed again on a signal. */
static char **temps;
static volatile sig_atomic_t ntemps;

static void drop_temps(void)
{
	sig_atomic_t i;

	for (i = 0; i < ntemps; i++)
		if (temps[i])
			unlink(temps[i]);
}

static void on_signal(int sig)
{
	drop_temps();
	signal(sig, SIG_DFL);
	raise(sig);
}

static const int caught[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT };

static void catch_signals(bool on)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on ? on_signal : SIG_DFL;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(caught) / sizeof(*caught); i++)
		sigaction(caught[i], &sa, NULL);
}

static int write_all(int fd, const char *s, size_t n)
{
	ssize_t w;

	while (n) {
		w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Copy old bytes [off, end) of f to fd. */
static int copy_old(const struct kb_edit_file *f, int fd, uint64_t off,
		    uint64_t end)
{
	static char buf[1 << 16];

	while (off < end) {
		size_t n = end - off < sizeof(buf) ? (size_t)(end - off) : sizeof(buf);

		if (kb_edit_read(f, off, buf, n) < 0 || write_all(fd, buf, n) < 0)
			return -1;
		off += n;
	}
	return 0;
}

static int fsync_dir(const char *file)
{
	char *dir = xstrdup(file), *slash = strrchr(dir, '/');
	int fd, rc;

	if (slash)
		slash[slash == dir ? 1 : 0] = '\0';
	fd = open(slash ? dir : ".", O_RDONLY | O_CLOEXEC);
	free(dir);
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	/* some file systems cannot flush a directory: the rename stands */
	if (rc < 0 && (errno == EINVAL || errno == EBADF))
		rc = 0;
	close(fd);
	return rc;
}

static mode_t current_umask(void)
{
	mode_t m = umask(0);

	umask(m);
	return m;
}

/* The temporary file for target: ".NAME.XXXXXX" in its directory. */
static char *temp_name(const char *target)
{
	const char *slash = strrchr(target, '/');
	size_t dl = slash ? (size_t)(slash - target) + 1 : 0;
	char *t = xmalloc(strlen(target) + 16);

	memcpy(t, target, dl);
	sprintf(t + dl, ".%s.XXXXXX", target + dl);
	return t;
}

struct pending {
	const struct kb_edit_file *f;
	char *target;		/* where the file is written */
	char *tmp;
};

/* The file is still the one the library read. */
static bool unchanged(const struct pending *p)
{
	struct stat st;

	if (p->f->created)
		return lstat(p->target, &st) < 0 && errno == ENOENT;
	if (stat(p->f->path, &st) < 0)
		return false;
	return (uint64_t)st.st_dev == p->f->dev && (uint64_t)st.st_ino == p->f->ino &&
	       (uint64_t)st.st_size == p->f->size &&
	       (int64_t)st.st_mtim.tv_sec == p->f->mtime_sec &&
	       (int64_t)st.st_mtim.tv_nsec == p->f->mtime_nsec &&
	       (int64_t)st.st_ctim.tv_sec == p->f->ctime_sec &&
	       (int64_t)st.st_ctim.tv_nsec == p->f->ctime_nsec;
}

/* Write the temporary file of p: 0, or -1 after a message. */
static int prepare_temp(struct pending *p)
{
	const struct kb_edit_file *f = p->f;
	uint64_t pos = 0;
	size_t i;
	mode_t mode;
	int fd;

	if (f->created) {
		p->target = xstrdup(f->path);
	} else if (!(p->target = realpath(f->path, NULL))) {
		kbq_esc_printf(stderr, "kbq: %s: error: cannot resolve: %s",
			       f->shown, strerror(errno));
		fputc('\n', stderr);
		return -1;
	}
	p->tmp = temp_name(p->target);
	temps[ntemps] = p->tmp;
	fd = mkstemp(p->tmp);
	if (fd < 0) {
		temps[ntemps] = NULL;
		kbq_esc_printf(stderr, "kbq: %s: error: cannot write beside it: %s",
			       f->shown, strerror(errno));
		fputc('\n', stderr);
		return -1;
	}
	ntemps++;
	for (i = 0; i < f->nsplices; i++) {
		if (copy_old(f, fd, pos, f->splices[i].off) < 0 ||
		    write_all(fd, f->splices[i].text, f->splices[i].tlen) < 0)
			goto fail;
		pos = f->splices[i].off + f->splices[i].len;
	}
	if (copy_old(f, fd, pos, f->size) < 0)
		goto fail;
	mode = f->created ? (0666 & ~current_umask()) : (mode_t)(f->mode & 07777);
	if (fchmod(fd, mode) < 0 || fsync(fd) < 0)
		goto fail;
	if (close(fd) < 0) {
		fd = -1;
		goto fail;
	}
	return 0;
fail:
	kbq_esc_printf(stderr, "kbq: %s: error: cannot write: %s", f->shown,
		       strerror(errno));
	fputc('\n', stderr);
	if (fd >= 0)
		close(fd);
	return -1;
}

/* Write every file of the change: 0, or 2 after a message (nothing
 * renamed unless the failure came from a rename itself). */
static int write_files(struct kb_edit *ed)
{
	size_t n = kb_edit_nfiles(ed), i;
	struct pending *p = xcalloc(n + 1, sizeof(*p));
	int rc = 0;

	temps = xcalloc(n + 1, sizeof(*temps));
	ntemps = 0;
	catch_signals(true);
	for (i = 0; i < n && !rc; i++) {
		p[i].f = kb_edit_file_at(ed, i);
		if (prepare_temp(&p[i]) < 0)
			rc = 2;
	}
	if (!rc && getenv("KBQ_TEST_BEFORE_WRITE")) {
		/* tests/edit: a file changed behind kbq's back, right here */
		if (system(getenv("KBQ_TEST_BEFORE_WRITE")) != 0)
			rc = 2;
	}
	for (i = 0; i < n && !rc; i++)
		if (!unchanged(&p[i])) {
			kbq_esc_printf(stderr, "kbq: %s: error: %s since kbq read "
				       "it; nothing was written", p[i].f->shown,
				       p[i].f->created ? "it was created" :
				       "it changed");
			fputc('\n', stderr);
			rc = 2;
		}
	for (i = 0; i < n && !rc; i++) {
		int r;

		if (p[i].f->created) {
			/* a link fails where a file appeared meanwhile */
			r = link(p[i].tmp, p[i].target);
			if (!r)
				unlink(p[i].tmp);
		} else {
			r = rename(p[i].tmp, p[i].target);
		}
		if (r < 0 || fsync_dir(p[i].target) < 0) {
			kbq_esc_printf(stderr, "kbq: %s: error: cannot replace: %s%s",
				       p[i].f->shown, strerror(errno),
				       i ? " (the files before it were written)" :
				       "; nothing was written");
			fputc('\n', stderr);
			rc = 2;
			break;
		}
		temps[i] = NULL;
	}
	if (rc)
		drop_temps();
	catch_signals(false);
	for (i = 0; i < n; i++) {
		free(p[i].target);
		free(p[i].tmp);
	}
	free(p);
	free(temps);
	temps = NULL;
	ntemps = 0;
	return rc;
}

int kbq_write_new(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);

	if (fd < 0)
		return -1;
	if (write_all(fd, data, len) < 0 || fsync(fd) < 0) {
		int e = errno;

		close(fd);
		unlink(path);
		errno = e;
		return -1;
	}
	return close(fd);
}

/* ---- the change, whole ------------------------------------------------------------------------- */

static void on_problem(const struct kb_diag *d, void *ud)
{
	(void)ud;
	fflush(stdout);
	fputs("kbq: ", stderr);
	kbq_esc_puts(stderr, d->file);
	fprintf(stderr, ":%u:%u: error: ", d->line, d->col);
	kbq_esc_puts(stderr, d->message);
	fputc('\n', stderr);
}

static const char *const what_words[] = { "added", "changed", "removed",
					  "renamed to" };

static int finish(struct kbq_ctx *ctx, struct kb_edit *ed)
{
	struct kb_error err;
	size_t problems, i;
	int rc;

	if (kb_edit_prepare(ed, on_problem, NULL, &problems, &err)) {
		kbq_report(&err, NULL, 0);
		return 2;
	}
	if (problems) {
		kbq_error("the change is refused (%zu problem%s); nothing was "
			  "written", problems, problems == 1 ? "" : "s");
		return 2;
	}
	if (ctx->o.dry_run) {
		for (i = 0; i < kb_edit_nfiles(ed); i++) {
			const struct kb_edit_file *f = kb_edit_file_at(ed, i);
			char *old = f->created ? xstrdup("") : old_file(f);

			if (!old)
				return 2;
			diff_file(f, old);
			free(old);
		}
		return 0;
	}
	if ((rc = write_files(ed)))
		return rc;
	for (i = 0; !ctx->o.quiet && i < kb_edit_nrecs(ed); i++) {
		const struct kb_edit_rec *r = kb_edit_rec_at(ed, i);

		kbq_esc_printf(stdout, "%s:%u:%u: %s: %s%s%s", r->file, r->line,
			       r->col, r->id, what_words[r->what],
			       r->new_id ? " " : "", r->new_id ? r->new_id : "");
		putchar('\n');
	}
	return 0;
}

int kbq_edit_finish(struct kbq_ctx *ctx, struct kb_edit *ed)
{
	int rc = finish(ctx, ed);

	kb_edit_free(ed);
	return rc;
}
