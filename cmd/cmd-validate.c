/* cmd-validate.c - `kbq validate`: the schema and integrity check of the
 * whole KB, every problem reported; exit 0 clean, 1 problems, 2 cannot run. */
#include "kbq.h"

#include <string.h>

struct vstate {
	struct kbq_ctx *ctx;
	size_t n;
	bool limit;	/* a limit was hit: exit 2 (SPEC 5) */
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

static void on_diag(const struct kb_diag *d, void *ud)
{
	struct vstate *s = ud;

	if (d->code != KB_OK)
		s->limit = true;
	if (s->ctx->o.quiet) {
		s->n++;
		return;
	}
	if (s->ctx->o.format == KBQ_FMT_JSON)
		json_diag(d->file, d->line, d->col, d->id, "error", d->message,
			  s->n == 0);
	else {
		/* one line each: a quoted value's line breaks are shown as \n */
		const char *p;

		fprintf(stderr, "kbq: %s:%u:%u: error: ", d->file, d->line,
			d->col);
		for (p = d->message; *p; p++)
			if (*p == '\n')
				fputs("\\n", stderr);
			else if (*p == '\r')
				fputs("\\r", stderr);
			else
				putc(*p, stderr);
		putc('\n', stderr);
	}
	s->n++;
}

static int validate_exec(struct kbq_ctx *ctx)
{
	bool json = ctx->o.format == KBQ_FMT_JSON;
	struct vstate s = { ctx, 0, false };
	struct kb_error err;

	if (ctx->o.format != KBQ_FMT_TEXT && !json) {
		kbq_error("validate prints text or json, not the format asked for");
		return 2;
	}
	if (kbq_open(ctx, &err)) {
		/* A structural error: the KB cannot be read as records. */
		if (ctx->o.quiet) {
			kb_error_free(&err);
			return 2;
		}
		if (json) {
			putchar('[');
			json_diag(err.file, err.line, err.col, NULL, "fatal",
				  err.message, true);
			puts("\n]");
			kb_error_free(&err);
		} else {
			kbq_report(&err, NULL, 0);
		}
		return 2;
	}
	if (json)
		putchar('[');
	kb_validate(ctx->kb, on_diag, &s);
	if (json)
		puts(s.n ? "\n]" : "]");
	if (s.n && !json && !ctx->o.quiet)
		fprintf(stderr, "kbq: %zu problem%s in %zu records\n", s.n,
			s.n == 1 ? "" : "s", kb_count(ctx->kb));
	return s.limit ? 2 : s.n ? 1 : 0;
}

const struct kbq_cmd kbq_cmd_validate = {
	.name = "validate",
	.args = "",
	.summary = "Check every record of the KB against its schema and report "
		   "every problem.",
	.options = KBQ_O_OUTPUT | KBQ_O_QUIET,
	.min_args = 0,
	.max_args = 0,
	.needs_kb = false,
	.exec = validate_exec,
};
