/* cmd-find.c - `kbq find [EXPR...]` and the per-kind listings (`kbq
 * controls ...`): the records matching an expression, in a chosen format. */
#include "kbq.h"

#include <stdlib.h>
#include <string.h>

struct streaming {
	struct kbq_out *out;
	size_t n;
};

static int print_one(struct kbq_ctx *ctx, const struct kb_record *r, void *ud,
		     struct kb_error *err)
{
	struct streaming *s = ud;

	/* past --limit, keep reading: the whole KB must still be sound */
	if (!kbq_take(ctx, &s->n))
		return 0;
	if (s->out)
		kbq_out_record(s->out, r);
	return 0;
}

/* Answer while reading: memory stays flat whatever the KB's size.  An
 * error after output has begun leaves a JSON array unclosed. */
static int find_stream(struct kbq_ctx *ctx, const struct kb_query *q)
{
	struct streaming s = { NULL, 0 };

	if (kbq_listing(ctx))
		s.out = kbq_out_new(ctx, ctx->kind);
	if (kbq_each_match(ctx, q, print_one, &s)) {
		kbq_out_free(s.out);
		return 2;
	}
	if (s.out)
		kbq_out_end(s.out);
	return kbq_listed(ctx, s.n);
}

static int find_select(struct kbq_ctx *ctx, const struct kb_query *q)
{
	const struct kb_record **recs;
	struct kbq_out *out;
	size_t n, i;
	int rc;

	if ((rc = kbq_select(ctx, q, &recs, &n)))
		return rc;
	n = kbq_limited(ctx, n);
	/* An empty text table prints nothing, not even its header. */
	if (kbq_listing(ctx) && (n || ctx->o.format != KBQ_FMT_TEXT)) {
		out = kbq_out_new_recs(ctx, ctx->kind, recs, n);
		for (i = 0; i < n; i++)
			kbq_out_record(out, recs[i]);
		kbq_out_end(out);
	}
	free(recs);
	return kbq_listed(ctx, n);
}

static int find_exec(struct kbq_ctx *ctx)
{
	struct kb_query *q;
	int rc;

	if (ctx->o.count_by && kbq_count_by_usage(ctx))
		return 2;
	if (kbq_compile(ctx, ctx->args, ctx->nargs, &q) < 0)
		return 2;
	/* Straight to the output when nothing has to be sorted or aligned
	 * (nor '*' of --fields known from the records printed), and always
	 * for -c and -q, which keep no record; otherwise kbq_select() keeps
	 * only the matches. */
	if (ctx->o.count_by)
		rc = kbq_count_by(ctx, q);
	else if (ctx->stream && (ctx->o.count || ctx->o.quiet ||
				 (ctx->o.format != KBQ_FMT_TEXT && !ctx->o.sort &&
				  !ctx->o.reverse &&
				  !kbq_fields_need_records(ctx, ctx->kind))))
		rc = find_stream(ctx, q);
	else
		rc = find_select(ctx, q);
	if (rc != 2)
		kbq_warn_refs(ctx, q, ctx->args);
	kb_query_free(q);
	return rc;
}

const struct kbq_cmd kbq_cmd_find = {
	.name = "find",
	.args = "[EXPR...]",
	.summary = "List the records of any kind that match EXPR.",
	.options = KBQ_O_LISTING | KBQ_O_COUNTBY,
	.min_args = 0,
	.max_args = -1,
	.needs_kb = true,
	.exec = find_exec,
};

/* The same command under each kind's plural, restricted to that kind. */
const struct kbq_cmd kbq_cmd_kind = {
	.name = "KIND",
	.args = "[EXPR...]",
	.summary = "List the records of this kind that match EXPR.",
	.options = KBQ_O_LISTING | KBQ_O_COUNTBY,
	.min_args = 0,
	.max_args = -1,
	.needs_kb = true,
	.exec = find_exec,
};
