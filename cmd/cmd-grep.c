/* cmd-grep.c - `kbq grep REGEX [EXPR...]`: every field value matching
 * REGEX, located as FILE:LINE:COL:ID.FIELD: VALUE. */
#include "kbq.h"

#include <stdlib.h>
#include <string.h>

/* One line a match, the value escaped (SPEC 5: a line break is shown as
 * \n), the match highlighted when colour is on. */
static void print_value(const char *s, size_t len, size_t ms, size_t me,
			bool color)
{
	if (!color || me <= ms) {
		kbq_esc_write(stdout, s, len);
		return;
	}
	kbq_esc_write(stdout, s, ms);
	fputs("\033[1;31m", stdout);
	kbq_esc_write(stdout, s + ms, me - ms);
	fputs("\033[m", stdout);
	kbq_esc_write(stdout, s + me, len - me);
}

struct grep {
	const struct kb_regex *re;
	size_t hits;
	bool done;		/* -q or --limit reached: just read on */
};

/* The values of one matching record that match the regex. */
static int grep_record(struct kbq_ctx *ctx, const struct kb_record *r,
		       void *ud, struct kb_error *err)
{
	struct grep *g = ud;
	bool c = ctx->color;
	uint32_t j, k;
	int m;

	if (g->done)
		return 0;
	for (j = 0; j < r->nfields; j++) {
		const struct kb_field *f = &r->fields[j];
		if (!strcmp(f->name, "kind"))
			continue;
		for (k = 0; k < f->count; k++) {
			const struct kb_value *v = &f->values[k];
			size_t ms, me;
			m = kb_regex_search(g->re, v->text, v->len, &ms, &me);
			if (m < 0)
				return kb_err(err, KB_EMATCH, r->file, v->line,
					      v->col, "regex hit its match limit "
					      "on '%s.%s' (simplify the pattern)",
					      r->id, f->name);
			if (!m)
				continue;
			if (!kbq_take(ctx, &g->hits) || ctx->o.quiet) {
				g->done = true;
				return 0;
			}
			if (!kbq_listing(ctx))
				continue;	/* -c */
			fputs(kbq_c(c, "\033[35m"), stdout);
			kbq_esc_puts(stdout, r->file);
			printf("%s:%s%u:%u%s:%s", kbq_c(c, "\033[m"),
			       kbq_c(c, "\033[32m"), v->line, v->col,
			       kbq_c(c, "\033[m"), kbq_c(c, "\033[33m"));
			kbq_esc_printf(stdout, "%s.%s", r->id, f->name);
			printf("%s: ", kbq_c(c, "\033[m"));
			print_value(v->text, v->len, ms, me, c);
			putchar('\n');
		}
	}
	return 0;
}

static int grep_exec(struct kbq_ctx *ctx)
{
	unsigned flags = (ctx->o.icase ? KB_Q_ICASE : 0) |
			 (ctx->o.fixed ? KB_Q_FIXED : 0);
	struct kb_regex *re;
	struct kb_query *q;
	struct kb_error err;
	struct grep g;
	int rc = 0;

	if (kb_regex_compile(&re, ctx->args[0], strlen(ctx->args[0]), flags,
			     &err)) {
		kbq_error("bad regex: %s at offset %zu", err.message, err.offset);
		kbq_underline(ctx->args, 1, 0, err.offset, 1);
		kb_error_free(&err);
		return 2;
	}
	if (kbq_compile(ctx, ctx->args + 1, ctx->nargs - 1, &q) < 0) {
		kb_regex_free(re);
		return 2;
	}
	memset(&g, 0, sizeof(g));
	g.re = re;
	/* the whole KB is read even after -q: its soundness counts */
	if (!(rc = kbq_each_match(ctx, q, grep_record, &g))) {
		rc = kbq_listed(ctx, g.hits);
		kbq_warn_refs(ctx, q, ctx->args + 1);
	}
	kb_query_free(q);
	kb_regex_free(re);
	return rc;
}

const struct kbq_cmd kbq_cmd_grep = {
	.name = "grep",
	.args = "REGEX [EXPR...]",
	.summary = "Print every field value matching REGEX, in the records "
		   "matching EXPR, as FILE:LINE:COL:ID.FIELD: VALUE.",
	.options = KBQ_O_LIMIT | KBQ_O_COUNT | KBQ_O_QUIET | KBQ_O_ICASE |
		   KBQ_O_FIXED | KBQ_O_ASOF,
	.min_args = 1,
	.max_args = -1,
	.needs_kb = true,
	.exec = grep_exec,
};
