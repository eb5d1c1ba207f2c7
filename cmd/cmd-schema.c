/* cmd-schema.c - `kbq schema [KIND]`: the kinds and their fields with
 * types, as the schema says.  `--list=WHAT` (hidden) feeds completion. */
#include "kbq.h"

#include <stdlib.h>
#include <string.h>

static void type_text(const struct kb_fieldspec *f, char *buf, size_t n)
{
	size_t used, i;

	used = (size_t)snprintf(buf, n, "%s", kb_type_name(f->type));
	if (f->type == KB_TYPE_REF && f->nto)
		for (i = 0; i < f->nto && used < n; i++)
			used += (size_t)snprintf(buf + used, n - used, "%s%s",
						 i ? "|" : " to ", f->to[i]);
	if (f->type == KB_TYPE_ENUM)
		for (i = 0; i < f->nvalues && used < n; i++)
			used += (size_t)snprintf(buf + used, n - used, "%s%s",
						 i ? "|" : " ", f->values[i]);
	if (f->list && used < n)
		used += (size_t)snprintf(buf + used, n - used, ", list");
	if (f->required && used < n)
		used += (size_t)snprintf(buf + used, n - used, ", required");
	if (f->pattern && used < n)
		snprintf(buf + used, n - used, ", pattern %s", f->pattern);
}

static void print_kind(struct kbq_ctx *ctx, const struct kb_kind *k)
{
	struct kbq_table *t = kbq_table_new(3);
	char buf[2048];
	size_t i;

	fputs(kbq_c(ctx->color, "\033[1m"), stdout);
	kbq_esc_puts(stdout, k->name);
	fputs(kbq_c(ctx->color, "\033[m"), stdout);
	if (k->plural)
		kbq_esc_printf(stdout, " (kbq %s)", k->plural);
	if (k->description)
		kbq_esc_printf(stdout, ": %s", k->description);
	putchar('\n');
	kbq_table_cell(t, "  id", 4);
	kbq_table_cell(t, "string, required", 16);
	kbq_table_cell(t, "unique id of the record (built in)", 34);
	kbq_table_cell(t, "  kind", 6);
	kbq_table_cell(t, "string, required", 16);
	kbq_table_cell(t, "the record's kind (built in)", 28);
	for (i = 0; i < k->nfields; i++) {
		const struct kb_fieldspec *f = &k->fields[i];
		snprintf(buf, sizeof(buf), "  %s", f->name);
		kbq_table_cell(t, buf, strlen(buf));
		type_text(f, buf, sizeof(buf));
		kbq_table_cell(t, buf, strlen(buf));
		kbq_table_cell(t, f->description ? f->description : "",
			       f->description ? strlen(f->description) : 0);
	}
	kbq_table_print(t, stdout, false, false);
	kbq_table_free(t);
}

static const struct kb_kind *find_kind(struct kbq_ctx *ctx, const char *name)
{
	const struct kb_kind *k = kb_kind_find(ctx->kb, name);
	const char *cands[512];
	size_t i, n = 0;
	const char *s;

	if (!k)
		k = kb_kind_by_plural(ctx->kb, name);
	if (k)
		return k;
	for (i = 0; i < kb_kind_count(ctx->kb) && n < 510; i++) {
		cands[n++] = kb_kind_at(ctx->kb, i)->name;
		if (kb_kind_at(ctx->kb, i)->plural)
			cands[n++] = kb_kind_at(ctx->kb, i)->plural;
	}
	s = kb_suggest(name, cands, n);
	kbq_error("unknown kind '%s'%s%s%s", name, s ? " (did you mean '" : "",
		  s ? s : "", s ? "'?)" : "");
	return NULL;
}

/* Words for shell completion, one a line, escaped as all text is: a
 * completion must not carry a control character into the command line. */
static void put_word(const char *w)
{
	kbq_esc_puts(stdout, w);
	putchar('\n');
}

static int put_id(const struct kb_record *r, void *ud)
{
	const char *const *kind = ud;

	if (!*kind || r->kind == *kind)
		put_word(r->id);
	return 0;
}

/* "FIELD KIND" a line: the ref fields, and the kinds declaring them, whose
 * refs may point to `to` (any kind without it): what may follow '^' in an
 * expression, and the kinds the records it comes from have. */
static void list_backrefs(struct kbq_ctx *ctx, const struct kb_kind *to)
{
	size_t i, j, t;

	for (i = 0; i < kb_kind_count(ctx->kb); i++) {
		const struct kb_kind *kd = kb_kind_at(ctx->kb, i);
		for (j = 0; j < kd->nfields; j++) {
			const struct kb_fieldspec *f = &kd->fields[j];
			bool reaches = !to || !f->nto;
			if (f->type != KB_TYPE_REF)
				continue;
			for (t = 0; t < f->nto && !reaches; t++)
				reaches = !strcmp(f->to[t], to->name);
			if (!reaches)
				continue;
			kbq_esc_puts(stdout, f->name);
			putchar(' ');
			put_word(kd->name);
		}
	}
}

static int list(struct kbq_ctx *ctx, const struct kb_kind *only)
{
	const char *what = ctx->o.list;
	size_t i, j;

	if (!strcmp(what, "plurals")) {
		for (i = 0; i < kb_kind_count(ctx->kb); i++)
			if (kb_kind_at(ctx->kb, i)->plural)
				put_word(kb_kind_at(ctx->kb, i)->plural);
	} else if (!strcmp(what, "kinds")) {
		for (i = 0; i < kb_kind_count(ctx->kb); i++)
			put_word(kb_kind_at(ctx->kb, i)->name);
	} else if (!strcmp(what, "fields")) {
		/* every field name once: the kind's, or all kinds' */
		const char **seen = NULL;
		size_t ns = 0, k;
		put_word("id");
		put_word("kind");
		for (i = 0; i < kb_kind_count(ctx->kb); i++) {
			const struct kb_kind *kd = kb_kind_at(ctx->kb, i);
			if (only && kd != only)
				continue;
			for (j = 0; j < kd->nfields; j++) {
				for (k = 0; k < ns; k++)
					if (!strcmp(seen[k], kd->fields[j].name))
						break;
				if (k < ns)
					continue;
				seen = xrealloc(seen, (ns + 1) * sizeof(*seen));
				seen[ns++] = kd->fields[j].name;
				put_word(kd->fields[j].name);
			}
		}
		free(seen);
	} else if (!strcmp(what, "ids")) {
		struct kb_error err;
		const char *kind = only ? only->name : NULL;

		/* each record in passing: kb_at would decode every one for good */
		if (kb_stream(ctx->kb, put_id, &kind, &err)) {
			kbq_report(&err, NULL, 0);
			return 2;
		}
	} else if (!strcmp(what, "backrefs")) {
		list_backrefs(ctx, only);
	} else {
		kbq_error("--list wants plurals, kinds, fields, ids or backrefs");
		return 2;
	}
	return 0;
}

static int schema_exec(struct kbq_ctx *ctx)
{
	const struct kb_kind *only = NULL;
	size_t i;

	if (ctx->nargs && kb_has_schema(ctx->kb) &&
	    !(only = find_kind(ctx, ctx->args[0])))
		return 2;
	if (ctx->o.list)
		return list(ctx, only);
	if (!kb_has_schema(ctx->kb)) {
		printf("this KB has no schema: any kind and any field are "
		       "allowed, every value is text\n");
		return 0;
	}
	kbq_esc_printf(stdout, "# %s", kb_schema_file(ctx->kb));
	putchar('\n');
	for (i = 0; i < kb_kind_count(ctx->kb); i++) {
		const struct kb_kind *k = kb_kind_at(ctx->kb, i);
		if (only && k != only)
			continue;
		if (!only && i)
			putchar('\n');
		print_kind(ctx, k);
	}
	return 0;
}

const struct kbq_cmd kbq_cmd_schema = {
	.name = "schema",
	.args = "[KIND]",
	.summary = "Describe the kinds and their fields with their types, as "
		   "the schema says.",
	.options = KBQ_O_LIST,
	.min_args = 0,
	.max_args = 1,
	.needs_kb = true,
	.exec = schema_exec,
};
