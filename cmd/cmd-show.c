/* cmd-show.c - `kbq show ID...`: whole records, refs followed by the
 * referenced record's name, then the records that refer to this one. */
#include "kbq.h"

#include <stdlib.h>
#include <string.h>

static const char *name_of(const struct kb_record *r)
{
	const struct kb_field *f = kb_record_field(r, "name");

	return f && f->count ? f->values[0].text : NULL;
}

static bool is_ref(const struct kb *kb, const struct kb_record *r,
		   const struct kb_field *f)
{
	const struct kb_fieldspec *fs;

	if (!kb_has_schema(kb))
		return strcmp(f->name, "id") != 0;
	fs = kb_kind_field(kb_kind_find(kb, r->kind), f->name);
	return fs && fs->type == KB_TYPE_REF;
}

/* What a back-link shows.  The record handed to add_link lives for the
 * call only; its strings live as long as the KB. */
struct link {
	const char *id, *field, *name;
};

struct links {
	struct link *v;
	size_t n, cap;
};

static void add_link(const struct kb_record *rec, const struct kb_field *field,
		     void *ud)
{
	struct links *l = ud;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n].id = rec->id;
	l->v[l->n].field = field->name;
	l->v[l->n].name = name_of(rec);
	l->n++;
}

static void pad(size_t from, size_t to)
{
	while (from++ < to)
		putchar(' ');
}

/* The width a KB string takes once escaped (SPEC 5). */
static size_t shown_width(const char *s)
{
	size_t len, w;
	char *e = kbq_esc_dup(s, strlen(s), &len);

	w = kbq_width(e, len);
	free(e);
	return w;
}

/*
 * Every string here comes from the KB and goes through the escaping rule:
 * a line break in a value is shown as \n, so that each line of the output
 * is one field value and no value can forge another line.
 */
static void show_text(struct kbq_ctx *ctx, const struct kb_record *r)
{
	const char *bold = kbq_c(ctx->color, "\033[1m"),
		   *dim = kbq_c(ctx->color, "\033[2m"),
		   *yel = kbq_c(ctx->color, "\033[33m"),
		   *off = kbq_c(ctx->color, "\033[m");
	struct links l = { NULL, 0, 0 };
	size_t w = strlen("referenced by:"), i;
	uint32_t j, k;

	for (j = 0; j < r->nfields; j++)
		if (shown_width(r->fields[j].name) + 1 > w)
			w = shown_width(r->fields[j].name) + 1;
	w += 2;
	printf("%s# ", dim);
	kbq_esc_puts(stdout, r->file);
	printf(":%u:%u%s\n", r->line, r->col, off);
	for (j = 0; j < r->nfields; j++) {
		const struct kb_field *f = &r->fields[j];
		bool ref = is_ref(ctx->kb, r, f);
		bool id = f->name == r->fields[0].name && !strcmp(f->name, "id");

		fputs(bold, stdout);
		kbq_esc_puts(stdout, f->name);
		printf(":%s", off);
		pad(shown_width(f->name) + 1, w);
		for (k = 0; k < f->count; k++) {
			const struct kb_value *v = &f->values[k];
			const struct kb_record *t = ref ? kb_get(ctx->kb, v->text) : NULL;
			if (k)
				pad(0, w);
			fputs(id ? yel : "", stdout);
			kbq_esc_write(stdout, v->text, v->len);
			fputs(id ? off : "", stdout);
			if (t && name_of(t)) {
				printf(" %s(", dim);
				kbq_esc_puts(stdout, name_of(t));
				printf(")%s", off);
			} else if (ref && kb_has_schema(ctx->kb) && !t) {
				printf(" %s(no such record)%s", dim, off);
			}
			putchar('\n');
		}
	}
	kb_backlinks(ctx->kb, r->id, add_link, &l);
	if (l.n) {
		printf("%sreferenced by:%s", bold, off);
		pad(strlen("referenced by:"), w);
		for (i = 0; i < l.n; i++) {
			if (i)
				pad(0, w);
			kbq_esc_printf(stdout, "%s.%s", l.v[i].id, l.v[i].field);
			if (l.v[i].name) {
				printf(" %s(", dim);
				kbq_esc_puts(stdout, l.v[i].name);
				printf(")%s", off);
			}
			putchar('\n');
		}
	}
	free(l.v);
}

/*
 * The record an argument names: its id, else its name or an alias (ASCII
 * case ignored) when exactly one record has it; NULL after the error.
 */
static const struct kb_record *resolve(struct kbq_ctx *ctx,
				       struct kbq_names **nm, const char *arg)
{
	const struct kb_record *r = kb_get(ctx->kb, arg);
	const char *ids[8], *names[8], *name;
	struct kb_error err;
	size_t n, i;

	if (r)
		return r;
	if (!*nm && !(*nm = kbq_names_new(ctx->kb, &err))) {
		kbq_report(&err, NULL, 0);
		return NULL;
	}
	n = kbq_names_find(*nm, arg, ids, names, 8);
	if (n == 1)
		return kb_get(ctx->kb, ids[0]);
	if (n > 1) {
		fflush(stdout);
		kbq_esc_printf(stderr, "kbq: error: '%s' is the name of %zu "
			       "records:", arg, n);
		for (i = 0; i < n && i < 8; i++)
			kbq_esc_printf(stderr, "%s '%s'", i ? "," : "", ids[i]);
		fputs(n > 8 ? ", ...; show them by id\n" : "; show them by id\n",
		      stderr);
		return NULL;
	}
	ids[0] = kbq_names_suggest(*nm, arg, &name);
	if (ids[0] && name)
		kbq_error("unknown id or name '%s' (did you mean '%s' (%s)?)",
			  arg, ids[0], name);
	else if (ids[0])
		kbq_error("unknown id or name '%s' (did you mean '%s'?)", arg,
			  ids[0]);
	else
		kbq_error("unknown id or name '%s'", arg);
	return NULL;
}

static int show_exec(struct kbq_ctx *ctx)
{
	const struct kb_record **recs = xcalloc(ctx->nargs, sizeof(*recs));
	struct kbq_names *nm = NULL;
	struct kbq_out *out;
	size_t i;

	/* Check every argument before printing any record. */
	for (i = 0; i < ctx->nargs; i++) {
		if (!(recs[i] = resolve(ctx, &nm, ctx->args[i]))) {
			kbq_names_free(nm);
			free(recs);
			return 2;
		}
	}
	kbq_names_free(nm);
	if (ctx->o.format == KBQ_FMT_TEXT) {
		for (i = 0; i < ctx->nargs; i++) {
			if (i)
				putchar('\n');
			show_text(ctx, recs[i]);
		}
	} else {
		out = kbq_out_new(ctx, NULL);
		for (i = 0; i < ctx->nargs; i++)
			kbq_out_record(out, recs[i]);
		kbq_out_end(out);
	}
	free(recs);
	return 0;
}

const struct kbq_cmd kbq_cmd_show = {
	.name = "show",
	.args = "ID...",
	.summary = "Show whole records: each ref with the name it points to, "
		   "then the records that refer to it.",
	.options = KBQ_O_OUTPUT,
	.formats = KBQ_F(TEXT) | KBQ_F(JSON) | KBQ_F(JSONL) | KBQ_F(YAML) |
		   KBQ_F(ID),
	.min_args = 1,
	.max_args = -1,
	.needs_kb = true,
	.exec = show_exec,
};
