/* cmd-set.c - `kbq set ID... ASSIGN...`: change fields of records in place,
 * every other byte of their files kept (SPEC 4). */
#include "kbq.h"

#include <string.h>

static int set_exec(struct kbq_ctx *ctx)
{
	size_t nid = 0, i, na;
	struct kb_assign *a;
	struct kb_edit *ed;
	struct kb_error err;
	int rc = 2;

	while (nid < ctx->nargs && !strchr(ctx->args[nid], '='))
		nid++;
	if (!nid || nid == ctx->nargs) {
		kbq_error("'set' needs %s", nid ? "assignments after the ids "
			  "(FIELD=VALUE, FIELD+=VALUE, FIELD-=VALUE, FIELD=)" :
			  "the ids of the records to change before the "
			  "assignments");
		return 2;
	}
	na = ctx->nargs - nid;
	if (!(a = kbq_assigns(ctx, nid)))
		return 2;
	if ((ed = kbq_edit_start(ctx))) {
		for (i = 0; i < nid; i++)
			if (kb_edit_set(ed, ctx->args[i], a, na, &err))
				break;
		rc = i < nid ? kbq_edit_fail(ctx, ed, &err, (int)i) :
			       kbq_edit_finish(ctx, ed);
	}
	kbq_assigns_free(a, na);
	return rc;
}

const struct kbq_cmd kbq_cmd_set = {
	.name = "set",
	.args = "ID... ASSIGN...",
	.summary = "Change fields of records in place (FIELD=VALUE, FIELD+=VALUE, "
		   "FIELD-=VALUE, FIELD= to remove).",
	.options = KBQ_O_CHANGE,
	.min_args = 2,
	.max_args = -1,
	.needs_kb = false,
	.exec = set_exec,
};
