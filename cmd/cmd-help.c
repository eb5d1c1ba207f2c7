/* cmd-help.c - `kbq help [COMMAND]`: kbq's usage, or a command's. */
#include "kbq.h"

#include <stdio.h>

static const char *kind_names(const struct kb *kb, char *buf, size_t n)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < kb_kind_count(kb) && used + 2 < n; i++)
		if (kb_kind_at(kb, i)->plural)
			used += (size_t)snprintf(buf + used, n - used, "%s%s",
						 used ? ", " : "",
						 kb_kind_at(kb, i)->plural);
	return buf;
}

/* `kbq help [COMMAND]`: no KB is needed unless COMMAND is a kind. */
static int help_exec(struct kbq_ctx *ctx)
{
	const struct kbq_cmd *cmd;
	char buf[1024];

	if (!ctx->nargs) {
		kbq_usage(stdout, NULL, NULL);
		return 0;
	}
	if ((cmd = kbq_lookup(ctx->args[0]))) {
		kbq_usage(stdout, cmd, ctx->args[0]);
		return 0;
	}
	if (kbq_open_report(ctx) < 0)
		return 2;
	if (!kb_kind_by_plural(ctx->kb, ctx->args[0])) {
		kbq_unknown_command(ctx->args[0], ctx->kb);
		return 2;
	}
	kbq_usage(stdout, &kbq_cmd_kind, ctx->args[0]);
	putchar('\n');
	kbq_esc_printf(stdout, "kinds of this KB: %s",
		       kind_names(ctx->kb, buf, sizeof(buf)));
	putchar('\n');
	return 0;
}

const struct kbq_cmd kbq_cmd_help = {
	.name = "help",
	.args = "[COMMAND]",
	.summary = "Show kbq's usage, or a command's.",
	.options = 0,
	.min_args = 0,
	.max_args = 1,
	.needs_kb = false,
	.exec = help_exec,
};
