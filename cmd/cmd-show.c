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

static int show_exec(struct kbq_ctx *ctx)
{
	const struct kb_record **recs = xcalloc(ctx->nargs, sizeof(*recs));
	struct kbq_out *out;
	size_t i;

	/* Check every id before printing any record. */
	for (i = 0; i < ctx->nargs; i++) {
		if (!(recs[i] = kb_get(ctx->kb, ctx->args[i]))) {
			const char *s = kb_suggest_id(ctx->kb, ctx->args[i]);
			kbq_error("unknown id '%s'%s%s%s", ctx->args[i],
				  s ? " (did you mean '" : "", s ? s : "",
				  s ? "'?)" : "");
			free(recs);
			return 2;
		}
	}
	if (ctx->o.format == KBQ_FMT_TEXT) {
		for (i = 0; i < ctx->nargs; i++) {
			if (i)
				putchar('\n');
			show_text(ctx, recs[i]);
		}
	} else {
		if (ctx->o.format == KBQ_FMT_TSV || ctx->o.format == KBQ_FMT_CSV) {
			kbq_error("show prints whole records: use -o json, jsonl, "
				  "yaml or id (or find --fields for columns)");
			free(recs);
			return 2;
		}
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
	.min_args = 1,
	.max_args = -1,
	.needs_kb = true,
	.exec = show_exec,
};
