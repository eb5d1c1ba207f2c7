/* cmd-mv.c - `kbq mv OLD NEW`: rename a record and rewrite every ref to it,
 * in every file, checked whole before the first file is written. */
#include "kbq.h"

static int mv_exec(struct kbq_ctx *ctx)
{
	struct kb_edit *ed = kbq_edit_start(ctx);
	struct kb_error err;

	if (!ed)
		return 2;
	if (kb_edit_mv(ed, ctx->args[0], ctx->args[1], &err))
		return kbq_edit_fail(ctx, ed, &err, 0);
	return kbq_edit_finish(ctx, ed);
}

const struct kbq_cmd kbq_cmd_mv = {
	.name = "mv",
	.args = "OLD NEW",
	.summary = "Rename a record and rewrite every ref to it.",
	.options = KBQ_O_CHANGE,
	.min_args = 2,
	.max_args = 2,
	.needs_kb = false,
	.exec = mv_exec,
};
