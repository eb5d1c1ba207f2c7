/* cmd-log.c - `kbq log [EXPR...]`: the commits that changed records matching
 * EXPR, newest first, each with its record changes (SPEC 3).
 *
 * One `git log --raw -z` lists, per commit, the files it touched with the
 * blob ids before and after; for each commit that touched a file of the KB,
 * those blobs (and the schema of that commit) are read through one `git
 * cat-file --batch` and loaded as two small KBs, compared with kb_diff().
 * So the work is in proportion to the files the commits touched, never to
 * the size of the KB times the number of commits.  A record that moved
 * from one file to another was touched in both, and so is paired by id as
 * in `kbq diff`. */
#include "kbq.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* One file of the KB that a commit touched. */
struct touched {
	char *rel;		/* below the KB's root ("" for a one-file KB) */
	char old[72], new[72];	/* blob ids; "" where no file */
};

struct commit {
	char *hash, *abbrev, *date_iso, *date, *author, *email, *subject;
	struct touched *files;
	size_t n, cap;
	bool schema;		/* schema.yaml touched */
	char schema_old[72], schema_new[72];
	char *sdata;		/* else the schema at the commit, or NULL */
	size_t slen;
};

struct logrun {
	struct kbq_ctx *ctx;
	struct kbq_gitkb g;
	const char *base;	/* the KB's path as shown: BASE/FILE */
	bool one_file;		/* the KB is one file */
	bool on_disk;		/* named by a path, not REV:PATH */
	struct kbq_batch b;
	size_t found;		/* commits printed */
};

/* ---- reading git log's output ---------------------------------------------------- */

static void commit_clear(struct commit *c)
{
	size_t i;

	free(c->hash);
	free(c->abbrev);
	free(c->date_iso);
	free(c->date);
	free(c->author);
	free(c->email);
	free(c->subject);
	free(c->sdata);
	for (i = 0; i < c->n; i++)
		free(c->files[i].rel);
	free(c->files);
	memset(c, 0, sizeof(*c));
}

/* The next NUL-terminated word of git's output, without the line break
 * git puts between a commit's header and its files; NULL at the end. */
static char *word(FILE *fp, char **buf, size_t *cap)
{
	ssize_t n = getdelim(buf, cap, '\0', fp);

	if (n <= 0)
		return NULL;
	return (*buf)[0] == '\n' ? *buf + 1 : *buf;
}

static bool regular(const char *mode)
{
	return !strcmp(mode, "100644") || !strcmp(mode, "100755");
}

/* One ":OLDMODE NEWMODE OLD NEW STATUS" and its path, kept when the path
 * is one of the KB's files. */
static int raw_entry(struct logrun *lr, struct commit *c, const char *meta,
		     const char *path)
{
	char om[8], nm[8], oo[72], no[72], st[8];
	const char *full = lr->g.full, *rel;
	size_t lf = strlen(full);
	struct touched *t;

	if (sscanf(meta, ":%7s %7s %71s %71s %7s", om, nm, oo, no, st) != 5)
		return -1;
	if (lr->one_file) {
		if (strcmp(path, full))
			return 0;
		rel = "";
	} else {
		if (lf && (strncmp(path, full, lf) || path[lf] != '/'))
			return 0;
		rel = path + (lf ? lf + 1 : 0);
		if (!kbq_git_kb_file(rel))
			return 0;
	}
	if (!lr->one_file && !strcmp(rel, "schema.yaml")) {
		c->schema = true;
		snprintf(c->schema_old, sizeof(c->schema_old), "%s",
			 regular(om) ? oo : "");
		snprintf(c->schema_new, sizeof(c->schema_new), "%s",
			 regular(nm) ? no : "");
		return 0;
	}
	if (!regular(om) && !regular(nm))
		return 0;	/* links and submodules: not read from history */
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->files = xrealloc(c->files, c->cap * sizeof(*c->files));
	}
	t = &c->files[c->n++];
	t->rel = xstrdup(rel);
	snprintf(t->old, sizeof(t->old), "%s", regular(om) ? oo : "");
	snprintf(t->new, sizeof(t->new), "%s", regular(nm) ? no : "");
	return 0;
}

/* ---- one commit ------------------------------------------------------------------- */

static int fetch(struct logrun *lr, const char *name, struct kbq_object *obj,
		 struct kb_error *err)
{
	int rc = kbq_batch_get(&lr->b, name, obj, err);

	if (!rc && obj->data && strcmp(obj->type, "blob")) {
		free(obj->data);
		obj->data = NULL;
	}
	return rc;
}

/* The schema.yaml at the KB's root in revision `rev`; obj->data NULL when
 * there is none. */
static int fetch_schema(struct logrun *lr, const char *rev,
			struct kbq_object *obj, struct kb_error *err)
{
	char *want = xmalloc(strlen(rev) + strlen(lr->g.full) + 16);
	int rc;

	sprintf(want, "%s:%s%sschema.yaml", rev, lr->g.full,
		*lr->g.full ? "/" : "");
	rc = fetch(lr, want, obj, err);
	free(want);
	return rc;
}

/*
 * The files one side of a commit touched, as a KB named REV:BASE/FILE
 * (REV the commit's abbreviation, followed by ^ for the side before it),
 * with the schema that side had.
 */
static int load_side(struct logrun *lr, struct commit *c, bool new_side,
		     struct kb **out, struct kbq_files *s, struct kb_error *err)
{
	struct kb_open_opts oo = { .schema = lr->ctx->o.schema };
	struct kbq_object obj;
	const char *schema_oid = NULL;
	size_t i;
	int rc = 0;

	memset(s, 0, sizeof(*s));
	s->root = xmalloc(strlen(c->abbrev) + strlen(lr->base) + 4);
	sprintf(s->root, "%s%s:%s%s", c->abbrev, new_side ? "" : "^", lr->base,
		lr->one_file ? "" : "/");
	oo.display = s->root;
	/* the schema: as the commit changed it, or as it was at the commit
	 * (read once for both sides by one_commit()) */
	if (!lr->one_file && !oo.schema) {
		char *data = NULL;
		size_t len = 0;

		if (!c->schema) {
			if (c->sdata) {
				data = xmalloc(c->slen + 1);
				memcpy(data, c->sdata, c->slen + 1);
				len = c->slen;
			}
		} else if (*(schema_oid = new_side ? c->schema_new :
					     c->schema_old)) {
			if ((rc = fetch(lr, schema_oid, &obj, err)))
				goto out;
			data = obj.data;
			len = obj.len;
		}
		if (data) {
			char *name = xmalloc(strlen(s->root) + 12);
			sprintf(name, "%sschema.yaml", s->root);
			kbq_files_add(s, name, data, len);
			free(name);
		}
	}
	for (i = 0; i < c->n; i++) {
		const char *oid = new_side ? c->files[i].new : c->files[i].old;
		char *name;

		if (!*oid)
			continue;
		if ((rc = fetch(lr, oid, &obj, err)))
			goto out;
		if (!obj.data) {
			rc = kb_err(err, KB_EIO, lr->g.shown, 0, 0,
				    "cannot read blob %s of commit %s", oid,
				    c->hash);
			goto out;
		}
		name = xmalloc(strlen(s->root) + strlen(c->files[i].rel) + 1);
		sprintf(name, "%s%s", s->root, c->files[i].rel);
		kbq_files_add(s, name, obj.data, obj.len);
		free(name);
	}
	rc = kb_open_mem(out, s->v, s->n, &oo, err);
out:
	/* the records name their files with s's strings: the caller keeps
	 * them until the KB is freed */
	return rc;
}

static void text_header(struct logrun *lr, const struct commit *c)
{
	bool col = lr->ctx->color;

	if (lr->found)
		putchar('\n');
	printf("%scommit %s%s\n", kbq_c(col, "\033[33m"), c->hash,
	       kbq_c(col, "\033[m"));
	fputs("Date:   ", stdout);
	kbq_esc_puts(stdout, c->date);
	fputs("\nAuthor: ", stdout);
	kbq_esc_puts(stdout, c->author);
	fputs(" <", stdout);
	kbq_esc_puts(stdout, c->email);
	fputs(">\n\n    ", stdout);
	kbq_esc_puts(stdout, c->subject);
	fputs("\n\n", stdout);
}

static void json_str_key(const char *key, const char *val, bool comma)
{
	if (comma)
		putchar(',');
	printf("\"%s\":", key);
	kbq_json_string(stdout, val, strlen(val));
}

/* Compare the two sides of one commit and print it when records that
 * match changed: 0, 2 after an error. */
static int one_commit(struct logrun *lr, struct commit *c)
{
	struct kbq_ctx *ctx = lr->ctx;
	struct kbq_changes ch;
	struct kb_error err;
	struct kbq_files so, sn;
	char *buf = NULL;
	size_t len = 0;
	bool schema;
	int rc;

	if (!c->n)
		return 0;	/* only the schema, or nothing of the KB */
	memset(&ch, 0, sizeof(ch));
	ch.ctx = ctx;
	ch.format = ctx->o.format;
	ch.quiet = ctx->o.quiet || ctx->o.count || ctx->o.format == KBQ_FMT_ID;
	ch.needs_whole = true;
	ch.lenient = true;	/* check_expr() reported mistakes already */
	ch.embed = true;
	memset(&sn, 0, sizeof(sn));
	if (!lr->one_file && !ctx->o.schema && !c->schema) {
		struct kbq_object obj;

		if ((rc = fetch_schema(lr, c->hash, &obj, &err))) {
			kbq_report(&err, NULL, 0);
			return 2;
		}
		c->sdata = obj.data;
		c->slen = obj.len;
	}
	if ((rc = load_side(lr, c, false, &ch.old, &so, &err)) ||
	    (rc = load_side(lr, c, true, &ch.new, &sn, &err))) {
		kbq_report(&err, NULL, 0);
		kb_free(ch.old);
		kbq_files_free(&so);
		kbq_files_free(&sn);
		return 2;
	}
	if (kbq_changes_compile(&ch, ctx->args, ctx->nargs) < 0) {
		rc = 2;
		goto out;
	}
	if (!(ch.fp = open_memstream(&buf, &len))) {
		kbq_error("out of memory");
		rc = 2;
		goto out;
	}
	schema = kbq_changes_schema(&ch, !ch.quiet && ch.format == KBQ_FMT_TEXT);
	if ((rc = kbq_changes_run(&ch)) || !ch.n)
		goto out;
	fclose(ch.fp);
	ch.fp = NULL;
	if (ctx->o.limit < 0 || lr->found < (size_t)ctx->o.limit) {
		if (!kbq_listing(ctx)) {
			;
		} else if (ctx->o.format == KBQ_FMT_ID) {
			printf("%s\n", c->hash);
		} else if (ctx->o.format == KBQ_FMT_JSON ||
			   ctx->o.format == KBQ_FMT_JSONL) {
			if (ctx->o.format == KBQ_FMT_JSON)
				fputs(lr->found ? ",\n" : "\n", stdout);
			putchar('{');
			json_str_key("commit", c->hash, false);
			json_str_key("date", c->date_iso, true);
			json_str_key("author", c->author, true);
			json_str_key("email", c->email, true);
			json_str_key("subject", c->subject, true);
			if (schema)
				fputs(",\"schema\":\"changed\"", stdout);
			fputs(",\"changes\":[", stdout);
			fwrite(buf, 1, len, stdout);
			fputs("]}", stdout);
			if (ctx->o.format == KBQ_FMT_JSONL)
				putchar('\n');
		} else {
			text_header(lr, c);
			fwrite(buf, 1, len, stdout);
		}
		lr->found++;
	}
out:
	if (ch.fp)
		fclose(ch.fp);
	free(buf);
	kbq_changes_free(&ch);
	kb_free(ch.old);
	kb_free(ch.new);
	kbq_files_free(&so);
	kbq_files_free(&sn);
	return rc;
}

/* ---- the command ------------------------------------------------------------------- */

/* Where the KB is: REV:PATH as given, or a path in a work tree (its
 * history up to HEAD). */
static int locate(struct logrun *lr, const char *path, struct kb_error *err)
{
	struct stat st;
	char *word, *dir;
	const char *leaf, *slash;
	int rc;
	size_t n;

	switch (kbq_kb_source(path)) {
	case KBQ_KB_BUILTIN:
	case KBQ_KB_STDIN:
		return kb_err(err, KB_EUSAGE, path, 0, 0,
			      "'log' reads the history of a KB in git: give "
			      "--kb PATH (in a git work tree) or REV:PATH");
	case KBQ_KB_REV:
		if ((rc = kbq_git_resolve(&lr->g, path, NULL, "commit", err)))
			return rc;
		lr->base = lr->g.path;
		return 0;
	case KBQ_KB_PATH:
		break;
	}
	if (stat(path, &st) < 0)
		return kb_err(err, KB_EIO, path, 0, 0, "cannot read: no such "
			      "file or directory");
	/* git -C DIR: the repository holding the KB, whatever the current
	 * directory; the KB's place in it from DIR's */
	if (S_ISDIR(st.st_mode)) {
		dir = xstrdup(path);
		leaf = ".";
	} else if (!(slash = strrchr(path, '/'))) {
		dir = xstrdup(".");
		leaf = path;
	} else {
		n = slash == path ? 1 : (size_t)(slash - path);
		dir = xmalloc(n + 1);
		memcpy(dir, path, n);
		dir[n] = '\0';
		leaf = slash + 1;
	}
	word = xmalloc(strlen(leaf) + 8);
	sprintf(word, "HEAD:./%s", leaf);
	rc = kbq_git_resolve(&lr->g, word, dir, "commit", err);
	free(word);
	free(dir);
	if (rc) {
		/* name the KB as the user wrote it */
		char *msg = xstrdup(err->message);
		enum kb_code code = err->code;

		kb_error_free(err);
		kb_err(err, code, path, 0, 0, "%s", msg);
		free(msg);
		return rc;
	}
	lr->on_disk = true;
	n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	free(lr->g.shown);
	lr->g.shown = xmalloc(n + 1);
	memcpy(lr->g.shown, path, n);
	lr->g.shown[n] = '\0';
	lr->base = lr->g.shown;
	return 0;
}

/* The expression checked once against the newest schema, before any
 * output: a mistake is an error even when no commit would reach it. */
static int check_expr(struct logrun *lr)
{
	struct kb_open_opts oo = { .schema = lr->ctx->o.schema };
	struct kbq_object obj;
	struct kb_memfile f;
	struct kb_error err;
	struct kbq_changes ch;
	struct kb *kb = NULL;
	int rc;

	memset(&obj, 0, sizeof(obj));
	if (!lr->one_file && !oo.schema) {
		if ((rc = fetch_schema(lr, lr->g.oid, &obj, &err))) {
			kbq_report(&err, NULL, 0);
			return -1;
		}
	}
	f.name = "schema.yaml";
	f.data = obj.data;
	f.len = obj.len;
	rc = kb_open_mem(&kb, &f, obj.data ? 1 : 0, &oo, &err);
	if (rc) {
		free(obj.data);
		kbq_report(&err, NULL, 0);
		return -1;
	}
	memset(&ch, 0, sizeof(ch));
	ch.ctx = lr->ctx;
	ch.old = ch.new = kb;
	ch.needs_whole = true;
	rc = kbq_changes_compile(&ch, lr->ctx->args, lr->ctx->nargs);
	kbq_changes_free(&ch);
	kb_free(kb);
	free(obj.data);
	return rc;
}

static int log_exec(struct kbq_ctx *ctx)
{
	const char *args[24];
	struct logrun lr;
	struct kbq_git_proc p;
	struct kb_error err;
	struct commit c;
	struct kb_period since;
	char sincearg[64], *pathspec = NULL, *buf = NULL, *w,
	     msg[KBQ_GIT_MSG];
	size_t cap = 0, n = 0, i;
	int rc = 0, st;
	bool stopped = false;

	if (ctx->o.since && !kb_date_parse(ctx->o.since, strlen(ctx->o.since),
					   &since)) {
		kbq_error("--since wants a date (YYYY, YYYY-MM or YYYY-MM-DD), "
			  "not '%s'", ctx->o.since);
		return 2;
	}
	memset(&lr, 0, sizeof(lr));
	memset(&c, 0, sizeof(c));
	lr.ctx = ctx;
	if (locate(&lr, kbq_kb_path(ctx), &err)) {
		kbq_report(&err, NULL, 0);
		return 2;
	}
	/* a one-file KB: its path is a blob at the tip */
	if (kbq_batch_open(&lr.b, lr.g.dir, lr.g.shown, &err)) {
		kbq_report(&err, NULL, 0);
		kbq_gitkb_free(&lr.g);
		return 2;
	}
	{
		struct kbq_object obj;
		char *name = xmalloc(strlen(lr.g.oid) + strlen(lr.g.full) + 2);
		sprintf(name, "%s:%s", lr.g.oid, lr.g.full);
		if (!*lr.g.full)
			name[strlen(lr.g.oid)] = '\0';
		rc = kbq_batch_get(&lr.b, name, &obj, &err);
		free(name);
		free(obj.data);
		if (rc) {
			kbq_report(&err, NULL, 0);
			goto done;
		}
		if (!strcmp(obj.type, "missing")) {
			if (lr.on_disk)
				kb_err(&err, KB_EIO, lr.g.shown, 0, 0,
				       "no commit holds it yet (log reads the "
				       "commits, not the working tree)");
			else
				kb_err(&err, KB_EIO, lr.g.shown, 0, 0,
				       "cannot read: no '%s' in revision '%s'",
				       lr.g.path, lr.g.rev);
			kbq_report(&err, NULL, 0);
			rc = 2;
			goto done;
		}
		lr.one_file = !strcmp(obj.type, "blob");
	}
	if (check_expr(&lr) < 0) {
		rc = 2;
		goto done;
	}
	args[n++] = "-c";
	args[n++] = "log.showSignature=false";
	args[n++] = "-c";
	args[n++] = "log.follow=false";
	args[n++] = "-c";
	args[n++] = "log.showRoot=true";	/* the first commit adds records */
	args[n++] = "log";
	args[n++] = "-z";
	args[n++] = "--raw";
	args[n++] = "--no-abbrev";
	args[n++] = "--no-renames";
	args[n++] = "--no-relative";	/* paths from the top, whatever diff.relative */
	args[n++] = "--no-color";
	args[n++] = "--encoding=UTF-8";
	args[n++] = "--format=%H%x00%aI%x00%ai%x00%an%x00%ae%x00%s";
	if (ctx->o.since) {
		char day[11];
		kb_date_format(since.first, day);
		snprintf(sincearg, sizeof(sincearg), "--since=%s 00:00:00", day);
		args[n++] = sincearg;
	}
	args[n++] = "--end-of-options";
	args[n++] = lr.g.oid;
	if (*lr.g.full) {
		/* the KB's path, literally: no glob, from the top */
		pathspec = xmalloc(strlen(lr.g.full) + 16);
		sprintf(pathspec, ":(top,literal)%s", lr.g.full);
		args[n++] = "--";
		args[n++] = pathspec;
	}
	args[n] = NULL;
	if (kbq_git_start(&p, lr.g.dir, args, false, lr.g.shown, &err)) {
		kbq_report(&err, NULL, 0);
		rc = 2;
		goto done;
	}
	if (ctx->o.format == KBQ_FMT_JSON && kbq_listing(ctx))
		putchar('[');
	stopped = ctx->o.limit == 0;
	while (!rc && !stopped) {
		w = word(p.from, &buf, &cap);
		if (w && *w == ':') {
			char *meta = xstrdup(w), *path;
			path = word(p.from, &buf, &cap);
			if (!c.hash || !path ||
			    raw_entry(&lr, &c, meta, path) < 0) {
				free(meta);
				kb_err(&err, KB_EIO, lr.g.shown, 0, 0,
				       "cannot read git log's output");
				kbq_report(&err, NULL, 0);
				rc = 2;
				break;
			}
			free(meta);
			continue;
		}
		/* a new commit, or the end: the one read so far is complete */
		if (c.hash) {
			rc = one_commit(&lr, &c);
			commit_clear(&c);
			if (ctx->o.limit >= 0 && lr.found >= (size_t)ctx->o.limit)
				stopped = true;
		}
		if (!w || rc || stopped)
			break;
		if (!kbq_git_hex(w, strlen(w))) {
			kb_err(&err, KB_EIO, lr.g.shown, 0, 0,
			       "cannot read git log's output");
			kbq_report(&err, NULL, 0);
			rc = 2;
			break;
		}
		c.hash = xstrdup(w);
		/* files are named ABBREV:PATH/FILE; git's %h cannot be had
		 * with --no-abbrev, which the blob ids need */
		c.abbrev = xstrdup(w);
		if (strlen(c.abbrev) > 12)
			c.abbrev[12] = '\0';
		{
			char **fields[] = { &c.date_iso, &c.date, &c.author,
					    &c.email, &c.subject };
			for (i = 0; i < 5; i++) {
				if (!(w = word(p.from, &buf, &cap))) {
					kb_err(&err, KB_EIO, lr.g.shown, 0, 0,
					       "cannot read git log's output");
					kbq_report(&err, NULL, 0);
					rc = 2;
					break;
				}
				*fields[i] = xstrdup(w);
			}
		}
	}
	commit_clear(&c);
	/* stopped early, git may die of the closed pipe: that is no error */
	st = kbq_git_end(&p, msg);
	if (!rc && !stopped && st) {
		kb_err(&err, KB_EIO, lr.g.shown, 0, 0,
		       "git log failed (exit status %d)%s%s", st,
		       *msg ? ": git: " : "", msg);
		kbq_report(&err, NULL, 0);
		rc = 2;
	}
	if (!rc && ctx->o.format == KBQ_FMT_JSON && kbq_listing(ctx))
		fputs(lr.found ? "\n]\n" : "]\n", stdout);
done:
	free(buf);
	free(pathspec);
	if (kbq_batch_close(&lr.b, rc ? NULL : &err) && !rc) {
		kbq_report(&err, NULL, 0);
		rc = 2;
	}
	kbq_gitkb_free(&lr.g);
	/* -c's count only when every commit was read */
	return rc ? rc : kbq_listed(ctx, lr.found);
}

const struct kbq_cmd kbq_cmd_log = {
	.name = "log",
	.args = "[EXPR...]",
	.summary = "List the commits that changed records matching EXPR, "
		   "newest first.",
	.options = KBQ_O_OUTPUT | KBQ_O_LIMIT | KBQ_O_COUNT | KBQ_O_QUIET |
		   KBQ_O_ICASE | KBQ_O_FIXED | KBQ_O_SINCE,
	.formats = KBQ_F(TEXT) | KBQ_F(JSON) | KBQ_F(JSONL) | KBQ_F(ID),
	.min_args = 0,
	.max_args = -1,
	.needs_kb = false,
	.exec = log_exec,
};
