/* cmd-rm.c - `kbq rm [--force] ID...`: remove records and the comments
 * directly above them; refused while other records refer to them. */
#include "kbq.h"

static int rm_exec(struct kbq_ctx *ctx)
{
	struct kb_edit *ed = kbq_edit_start(ctx);
	struct kb_error err;
	size_t i;

	if (!ed)
		return 2;
	for (i = 0; i < ctx->nargs; i++)
		if (kb_edit_rm(ed, ctx->args[i], ctx->o.force, &err))
			return kbq_edit_fail(ctx, ed, &err, (int)i);
	return kbq_edit_finish(ctx, ed);
}

const struct kbq_cmd kbq_cmd_rm = {
	.name = "rm",
	.args = "ID...",
	.summary = "Remove records, with the comments directly above them.",
	.options = KBQ_O_CHANGE | KBQ_O_FORCE,
	.min_args = 1,
	.max_args = -1,
	.needs_kb = false,
	.exec = rm_exec,
};
