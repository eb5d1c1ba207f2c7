/* cmd-schema.c - `kbq schema [KIND]`: the kinds and their fields with
 * types, as the schema says.  `--list=WHAT` (hidden) feeds completion. */
#include "kbq.h"

#include <stdint.h>
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

/* A set of interned strings (kinds, field names: their pointers are
 * unique per KB), kept in the order they were first added. */
struct seen {
	const char **v;		/* in order of addition */
	const char **slots;	/* open addressing on the pointer */
	size_t n, cap;
};

static bool seen_add(struct seen *s, const char *p)
{
	size_t i, mask;

	if ((s->n + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64, k;
		const char **slots = xcalloc(cap, sizeof(*slots));
		for (k = 0; k < s->n; k++) {
			for (i = ((uintptr_t)s->v[k] >> 3) & (cap - 1); slots[i];
			     i = (i + 1) & (cap - 1))
				;
			slots[i] = s->v[k];
		}
		free(s->slots);
		s->slots = slots;
		s->cap = cap;
		s->v = xrealloc(s->v, cap * sizeof(*s->v));
	}
	mask = s->cap - 1;
	for (i = ((uintptr_t)p >> 3) & mask; s->slots[i]; i = (i + 1) & mask)
		if (s->slots[i] == p)
			return false;
	s->slots[i] = p;
	s->v[s->n++] = p;
	return true;
}

static void seen_free(struct seen *s)
{
	free(s->v);
	free(s->slots);
}

/* What a streamed reading collects for a list. */
struct collect {
	const struct kb_kind *only;
	struct seen kinds;	/* --list=ids: the kinds whose ids to print */
	bool any_kind;
	struct seen names;	/* schema-less: kinds or field names seen */
	bool fields;		/* collect field names, not kinds */
};

static int put_id(const struct kb_record *r, void *ud)
{
	struct collect *c = ud;
	size_t i;

	if (c->any_kind)
		put_word(r->id);
	else
		for (i = 0; i < c->kinds.n; i++)
			if (r->kind == c->kinds.v[i]) {
				put_word(r->id);
				break;
			}
	return 0;
}

static int put_new_name(const struct kb_record *r, void *ud)
{
	struct collect *c = ud;
	uint32_t i;

	if (!c->fields) {
		if (seen_add(&c->names, r->kind))
			put_word(r->kind);
		return 0;
	}
	for (i = 0; i < r->nfields; i++)
		if (seen_add(&c->names, r->fields[i].name))
			put_word(r->fields[i].name);
	return 0;
}

static int no_record(const struct kb_record *r, void *ud)
{
	(void)r;
	(void)ud;
	return 0;
}

static int read_kb(struct kbq_ctx *ctx, int (*fn)(const struct kb_record *,
						   void *), void *ud)
{
	struct kb_error err;

	if (kb_stream(ctx->kb, fn, ud, &err)) {
		kbq_report(&err, NULL, 0);
		return 2;
	}
	return 0;
}

/* The kinds of this KB the listing covers: `only`, else every one. */
#define EACH_KIND(ctx, only, i, k) \
	for (i = 0; i < kb_kind_count((ctx)->kb); i++) \
		if ((k = kb_kind_at((ctx)->kb, i)), (only) && k != (only)) \
			continue; \
		else

/*
 * --list=values=FIELD: what may follow FIELD= in an expression: the
 * values of an enum, the ids a ref may name, the kinds for `kind`, the ids
 * for `id`.  --list=targets=FIELD: the kinds a ref field may name.
 */
static int list_field(struct kbq_ctx *ctx, const struct kb_kind *only,
		      const char *field, bool targets)
{
	struct collect c;
	const struct kb_kind *k;
	size_t i, j;
	int rc = 0;

	memset(&c, 0, sizeof(c));
	c.only = only;
	if (!strcmp(field, "kind") && !targets) {
		EACH_KIND(ctx, only, i, k)
			put_word(k->name);
		return 0;
	}
	if (!strcmp(field, "id") && !targets) {
		if (only)
			seen_add(&c.kinds, only->name);
		c.any_kind = !only;
		rc = read_kb(ctx, put_id, &c);
		seen_free(&c.kinds);
		return rc;
	}
	EACH_KIND(ctx, only, i, k) {
		const struct kb_fieldspec *f = kb_kind_field(k, field);
		if (!f)
			continue;
		if (f->type == KB_TYPE_ENUM && !targets) {
			for (j = 0; j < f->nvalues; j++)
				if (seen_add(&c.names, f->values[j]))
					put_word(f->values[j]);
		} else if (f->type == KB_TYPE_REF && !f->nto) {
			c.any_kind = true;
		} else if (f->type == KB_TYPE_REF) {
			for (j = 0; j < f->nto; j++) {
				const struct kb_kind *t = kb_kind_find(ctx->kb,
								       f->to[j]);
				if (t)
					seen_add(&c.kinds, t->name);
			}
		}
	}
	if (targets) {
		if (c.any_kind)
			EACH_KIND(ctx, NULL, i, k)
				put_word(k->name);
		else
			for (i = 0; i < c.kinds.n; i++)
				put_word(c.kinds.v[i]);
	} else if (c.any_kind || c.kinds.n) {
		rc = read_kb(ctx, put_id, &c);
	}
	seen_free(&c.kinds);
	seen_free(&c.names);
	return rc;
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
	const struct kb_kind *k;
	struct collect c;
	size_t i, j;
	int rc = 0;

	memset(&c, 0, sizeof(c));
	if (!strcmp(what, "plurals")) {
		EACH_KIND(ctx, NULL, i, k)
			if (k->plural)
				put_word(k->plural);
	} else if (!strcmp(what, "kinds") && kb_has_schema(ctx->kb)) {
		EACH_KIND(ctx, NULL, i, k)
			put_word(k->name);
	} else if (!strcmp(what, "kinds")) {
		/* schema-less: the kinds the records have */
		rc = read_kb(ctx, put_new_name, &c);
	} else if (!strcmp(what, "fields") && kb_has_schema(ctx->kb)) {
		/* every field name once: the kind's, or all kinds' */
		put_word("id");
		put_word("kind");
		EACH_KIND(ctx, only, i, k)
			for (j = 0; j < k->nfields; j++)
				if (seen_add(&c.names, k->fields[j].name))
					put_word(k->fields[j].name);
	} else if (!strcmp(what, "fields")) {
		/* schema-less: the field names the records use, in the order
		 * first seen (id and kind come first in every record) */
		c.fields = true;
		rc = read_kb(ctx, put_new_name, &c);
	} else if (!strcmp(what, "ids")) {
		return list_field(ctx, only, "id", false);
	} else if (!strncmp(what, "values=", 7)) {
		return list_field(ctx, only, what + 7, false);
	} else if (!strncmp(what, "targets=", 8)) {
		return list_field(ctx, only, what + 8, true);
	} else if (!strcmp(what, "backrefs")) {
		list_backrefs(ctx, only);
	} else {
		kbq_error("--list wants plurals, kinds, fields, ids, "
			  "values=FIELD, targets=FIELD or backrefs");
		return 2;
	}
	seen_free(&c.names);
	return rc;
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
	/* the KB is streamed: read it once, so that one that cannot be read
	 * as records is refused here as everywhere, in flat memory */
	if (read_kb(ctx, no_record, NULL))
		return 2;
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
