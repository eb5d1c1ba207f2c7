/* cmd-validate.c - `kbq validate`: the schema and integrity check of the
 * whole KB, every problem reported; exit 0 clean, 1 problems, 2 cannot run. */
#include "kbq.h"

#include <stdlib.h>
#include <string.h>

/* One problem, kept until all are known, so that they are printed in file
 * order: by file (in load order), line, column, then as found. */
struct vdiag {
	char *file, *id, *message;
	size_t filerank, seq;
	uint32_t line, col;
};

struct vstate {
	struct kbq_ctx *ctx;
	struct vdiag *v;
	size_t n, cap;
	size_t records;		/* records with at least one problem */
	char *last_id;		/* the record of the previous problem */
	char **files;		/* file names in the order first seen */
	size_t nfiles;
	bool limit;		/* a limit was hit: exit 2 (SPEC 5) */
};

static void json_diag(const char *file, unsigned line, unsigned col,
		      const char *id, const char *severity, const char *msg,
		      bool first)
{
	fputs(first ? "\n  {" : ",\n  {", stdout);
	fputs("\"file\":", stdout);
	kbq_json_string(stdout, file, strlen(file));
	printf(",\"line\":%u,\"col\":%u,\"id\":", line, col);
	if (id)
		kbq_json_string(stdout, id, strlen(id));
	else
		fputs("null", stdout);
	printf(",\"severity\":\"%s\",\"message\":", severity);
	kbq_json_string(stdout, msg, strlen(msg));
	putchar('}');
}

static size_t file_rank(struct vstate *s, const char *file)
{
	/* records come in load order, so their files do too: only the last
	 * file can be this one again, or a new one */
	if (s->nfiles && !strcmp(s->files[s->nfiles - 1], file))
		return s->nfiles - 1;
	s->files = xrealloc(s->files, (s->nfiles + 1) * sizeof(*s->files));
	s->files[s->nfiles] = xstrdup(file);
	return s->nfiles++;
}

static void on_diag(const struct kb_diag *d, void *ud)
{
	struct vstate *s = ud;
	struct vdiag *v;

	if (d->code != KB_OK)
		s->limit = true;
	/* each record's problems come together: count the records */
	if (!s->n || !d->id || !s->last_id || strcmp(d->id, s->last_id)) {
		s->records++;
		free(s->last_id);
		s->last_id = d->id ? xstrdup(d->id) : NULL;
	}
	if (s->ctx->o.quiet) {
		s->n++;
		return;
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = xrealloc(s->v, s->cap * sizeof(*s->v));
	}
	v = &s->v[s->n];
	v->filerank = file_rank(s, d->file);
	v->file = s->files[v->filerank];
	v->id = d->id ? xstrdup(d->id) : NULL;
	v->message = xstrdup(d->message);
	v->line = d->line;
	v->col = d->col;
	v->seq = s->n++;
}

static int vdiag_cmp(const void *a, const void *b)
{
	const struct vdiag *x = a, *y = b;

	if (x->filerank != y->filerank)
		return x->filerank < y->filerank ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void print_diags(struct vstate *s, bool json)
{
	size_t i;

	if (s->n)
		qsort(s->v, s->n, sizeof(*s->v), vdiag_cmp);
	for (i = 0; i < s->n; i++) {
		const struct vdiag *v = &s->v[i];
		if (json) {
			json_diag(v->file, v->line, v->col, v->id, "error",
				  v->message, i == 0);
			continue;
		}
		/* one line each, escaped as every diagnostic is */
		fputs("kbq: ", stderr);
		kbq_esc_puts(stderr, v->file);
		fprintf(stderr, ":%u:%u: error: ", v->line, v->col);
		kbq_esc_puts(stderr, v->message);
		putc('\n', stderr);
	}
}

static void vstate_free(struct vstate *s)
{
	size_t i;

	for (i = 0; i < s->n && s->v; i++) {
		free(s->v[i].id);
		free(s->v[i].message);
	}
	for (i = 0; i < s->nfiles; i++)
		free(s->files[i]);
	free(s->files);
	free(s->v);
	free(s->last_id);
}

static int validate_exec(struct kbq_ctx *ctx)
{
	bool json = ctx->o.format == KBQ_FMT_JSON;
	struct vstate s;
	struct kb_error err;

	memset(&s, 0, sizeof(s));
	s.ctx = ctx;
	if (kbq_open(ctx, &err)) {
		/* A structural error: the KB cannot be read as records. */
		if (ctx->o.quiet) {
			kb_error_free(&err);
			return 2;
		}
		if (json) {
			putchar('[');
			json_diag(err.file, err.line, err.col, err.id, "fatal",
				  err.message, true);
			puts("\n]");
			kb_error_free(&err);
		} else {
			kbq_report(&err, NULL, 0);
		}
		return 2;
	}
	kb_validate(ctx->kb, on_diag, &s);
	if (json && !ctx->o.quiet)
		putchar('[');
	if (!ctx->o.quiet)
		print_diags(&s, json);
	if (json && !ctx->o.quiet)
		puts(s.n ? "\n]" : "]");
	if (s.n && !json && !ctx->o.quiet)
		fprintf(stderr, "kbq: %zu problem%s in %zu of %zu records\n", s.n,
			s.n == 1 ? "" : "s", s.records, kb_count(ctx->kb));
	vstate_free(&s);
	return s.limit ? 2 : s.n ? 1 : 0;
}

const struct kbq_cmd kbq_cmd_validate = {
	.name = "validate",
	.args = "",
	.summary = "Check every record of the KB against its schema and report "
		   "every problem.",
	.options = KBQ_O_OUTPUT | KBQ_O_QUIET,
	.formats = KBQ_F(TEXT) | KBQ_F(JSON),
	.min_args = 0,
	.max_args = 0,
	.needs_kb = false,
	.exec = validate_exec,
};
