/* cmd-add.c - `kbq add KIND ASSIGN... [--file FILE]`: append a record in
 * the style of the records around it. */
#define _XOPEN_SOURCE 700
#include "kbq.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* FILE (as the user names it) relative to the KB's root, or NULL after a
 * message. */
static char *rel_path(const char *root, const char *file)
{
	char *rroot = realpath(root, NULL), *rfile, *rel = NULL;
	struct stat st;
	size_t n;

	if (!rroot) {
		kbq_error("%s: cannot read: %s", root, strerror(errno));
		return NULL;
	}
	rfile = realpath(file, NULL);
	if (!rfile && errno == ENOENT) {
		/* a new file: its directory must exist */
		const char *slash = strrchr(file, '/');
		char *dir = slash ? xstrdup(file) : xstrdup(".");
		char *rdir;

		if (slash)
			dir[slash == file ? 1 : slash - file] = '\0';
		if ((rdir = realpath(dir, NULL))) {
			rfile = xmalloc(strlen(rdir) + strlen(file) + 2);
			sprintf(rfile, "%s/%s", strcmp(rdir, "/") ? rdir : "",
				slash ? slash + 1 : file);
			free(rdir);
		}
		free(dir);
	}
	if (!rfile) {
		kbq_error("%s: cannot use: %s", file, strerror(errno));
		free(rroot);
		return NULL;
	}
	n = strlen(rroot);
	if (stat(rroot, &st) == 0 && !S_ISDIR(st.st_mode)) {
		/* a KB of one file: FILE is that file */
		const char *b = strrchr(rroot, '/');

		if (!strcmp(rfile, rroot))
			rel = xstrdup(b ? b + 1 : rroot);
	} else if (!strncmp(rfile, rroot, n) && rfile[n] == '/') {
		rel = xstrdup(rfile + n + 1);
	}
	if (!rel)
		kbq_error("%s is not inside the KB %s", file, root);
	free(rroot);
	free(rfile);
	return rel;
}

static int add_exec(struct kbq_ctx *ctx)
{
	size_t na = ctx->nargs - 1;
	struct kb_assign *a;
	struct kb_edit *ed;
	struct kb_error err;
	char *rel = NULL;
	int rc = 2;

	if (!(a = kbq_assigns(ctx, 1)))
		return 2;
	if ((ed = kbq_edit_start(ctx))) {
		const char *kind = ctx->args[0];
		const struct kb_kind *k;

		/* a kind's plural names it too (kbq add controls ...) */
		if (!kb_kind_find(ctx->kb, kind) &&
		    (k = kb_kind_by_plural(ctx->kb, kind)))
			kind = k->name;
		if (ctx->o.file && !(rel = rel_path(kbq_kb_path(ctx), ctx->o.file)))
			kb_edit_free(ed);
		else if (kb_edit_add(ed, kind, a, na, rel, &err))
			rc = kbq_edit_fail(ctx, ed, &err,
					   strncmp(err.message, "unknown kind", 12) ?
					   -1 : 0);
		else
			rc = kbq_edit_finish(ctx, ed);
	}
	kbq_assigns_free(a, na);
	free(rel);
	return rc;
}

const struct kbq_cmd kbq_cmd_add = {
	.name = "add",
	.args = "KIND ASSIGN...",
	.summary = "Add a record (id=ID among the assignments) in the style of "
		   "the records around it.",
	.options = KBQ_O_CHANGE | KBQ_O_FILE,
	.min_args = 2,
	.max_args = -1,
	.needs_kb = false,
	.exec = add_exec,
};
