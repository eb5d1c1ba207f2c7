/* cmd-find.c - `kbq find [EXPR...]` and the per-kind listings (`kbq
 * controls ...`): the records matching an expression, in a chosen format. */
#include "kbq.h"

#include <stdlib.h>

static int find_exec(struct kbq_ctx *ctx)
{
	const struct kb_record **recs;
	struct kb_query *q;
	struct kbq_out *out;
	size_t n, i;
	int rc;

	if (kbq_compile(ctx, ctx->args, ctx->nargs, &q) < 0)
		return 2;
	rc = kbq_select(ctx, q, &recs, &n);
	kb_query_free(q);
	if (rc)
		return rc;
	if (ctx->o.limit >= 0 && (size_t)ctx->o.limit < n)
		n = (size_t)ctx->o.limit;
	if (ctx->o.quiet) {
		free(recs);
		return n ? 0 : 1;
	}
	if (ctx->o.count) {
		printf("%zu\n", n);
		free(recs);
		return n ? 0 : 1;
	}
	/* An empty text table prints nothing, not even its header. */
	if (n || ctx->o.format != KBQ_FMT_TEXT) {
		out = kbq_out_new(ctx, ctx->kind);
		for (i = 0; i < n; i++)
			kbq_out_record(out, recs[i]);
		kbq_out_end(out);
	}
	free(recs);
	return n ? 0 : 1;
}

const struct kbq_cmd kbq_cmd_find = {
	.name = "find",
	.args = "[EXPR...]",
	.summary = "List the records of any kind that match EXPR.",
	.options = KBQ_O_LISTING,
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
	.options = KBQ_O_LISTING,
	.min_args = 0,
	.max_args = -1,
	.needs_kb = true,
	.exec = find_exec,
};
