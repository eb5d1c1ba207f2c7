/* cmd-timeline.c - `kbq timeline [EXPR...]`: every date value of every
 * matching record, in date order (start, then end, then file order). */
#include "kbq.h"

#include <stdlib.h>
#include <string.h>

struct entry {
	const struct kb_record *rec;
	const struct kb_field *field;
	const struct kb_value *value;
	struct kb_period p;
	size_t seq;
};

static bool date_field(const struct kb *kb, const struct kb_record *r,
		       const struct kb_field *f)
{
	const struct kb_fieldspec *fs;
	struct kb_period p;
	uint32_t i;

	if (kb_has_schema(kb)) {
		fs = kb_kind_field(kb_kind_find(kb, r->kind), f->name);
		return fs && fs->type == KB_TYPE_DATE;
	}
	/* Schema-less: a field whose every value is a date. */
	if (!strcmp(f->name, "id") || !strcmp(f->name, "kind"))
		return false;
	for (i = 0; i < f->count; i++)
		if (!kb_date_parse(f->values[i].text, f->values[i].len, &p))
			return false;
	return f->count > 0;
}

static bool reverse;

static int entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = x->p.first < y->p.first ? -1 : x->p.first > y->p.first ? 1 :
		x->p.last < y->p.last ? -1 : x->p.last > y->p.last;

	if (c)
		return reverse ? -c : c;
	/* equal dates keep file order in both directions: the records came
	 * reversed from kbq_select() under --reverse, so ask their index */
	if (x->rec != y->rec)
		return x->rec->index < y->rec->index ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static const char *rec_name(const struct kb_record *r, size_t *len)
{
	const struct kb_field *f = kb_record_field(r, "name");

	*len = f && f->count ? f->values[0].len : 0;
	return f && f->count ? f->values[0].text : "";
}

static void row(struct kbq_ctx *ctx, struct kbq_table *t, const struct entry *e,
		bool first)
{
	const char *cells[5];
	size_t lens[5], i;
	FILE *fp = stdout;

	cells[0] = e->value->text;
	lens[0] = e->value->len;
	cells[1] = e->rec->kind;
	cells[2] = e->rec->id;
	cells[3] = e->field->name;
	for (i = 1; i < 4; i++)
		lens[i] = strlen(cells[i]);
	cells[4] = rec_name(e->rec, &lens[4]);
	switch (ctx->o.format) {
	case KBQ_FMT_TEXT:
		for (i = 0; i < 5; i++)
			kbq_table_cell(t, cells[i], lens[i]);
		break;
	case KBQ_FMT_TSV:
	case KBQ_FMT_CSV:
		for (i = 0; i < 5; i++) {
			if (i)
				putc(ctx->o.format == KBQ_FMT_CSV ? ',' : '\t', fp);
			if (ctx->o.format == KBQ_FMT_CSV)
				kbq_csv_field(fp, cells[i], lens[i]);
			else
				kbq_tsv_field(fp, cells[i], lens[i]);
		}
		fputs(ctx->o.format == KBQ_FMT_CSV ? "\r\n" : "\n", fp);
		break;
	case KBQ_FMT_JSON:
	case KBQ_FMT_JSONL: {
		static const char *const keys[] = { "date", "kind", "id",
						    "field", "name" };
		if (ctx->o.format == KBQ_FMT_JSON)
			fputs(first ? "\n" : ",\n", fp);
		putc('{', fp);
		for (i = 0; i < 5; i++) {
			if (i)
				putc(',', fp);
			printf("\"%s\":", keys[i]);
			kbq_json_string(fp, cells[i], lens[i]);
		}
		putc('}', fp);
		if (ctx->o.format == KBQ_FMT_JSONL)
			putc('\n', fp);
		break;
	}
	case KBQ_FMT_YAML: {
		static const char *const keys[] = { "date", "kind", "id",
						    "field", "name" };
		for (i = 0; i < 5; i++) {
			fputs(i ? "  " : "- ", fp);
			printf("%s: ", keys[i]);
			kbq_yaml_scalar(fp, cells[i], lens[i]);
			putc('\n', fp);
		}
		break;
	}
	case KBQ_FMT_ID:
		kbq_esc_puts(fp, e->rec->id);
		putc(ctx->o.null ? '\0' : '\n', fp);
		break;
	}
}

/* The rows of the records selected, in date order; frees recs. */
static int timeline_rows(struct kbq_ctx *ctx, const struct kb_record **recs,
			 size_t n)
{
	struct entry *ents = NULL;
	size_t i, ne = 0, cap = 0;
	struct kbq_table *t = NULL;
	uint32_t j, k;

	for (i = 0; i < n; i++) {
		const struct kb_record *r = recs[i];
		for (j = 0; j < r->nfields; j++) {
			const struct kb_field *f = &r->fields[j];
			if (!date_field(ctx->kb, r, f))
				continue;
			for (k = 0; k < f->count; k++) {
				struct kb_period p;
				if (!kb_date_parse(f->values[k].text,
						   f->values[k].len, &p))
					continue;	/* validate reports it */
				if (ne == cap) {
					cap = cap ? cap * 2 : 64;
					ents = xrealloc(ents, cap * sizeof(*ents));
				}
				ents[ne].rec = r;
				ents[ne].field = f;
				ents[ne].value = &f->values[k];
				ents[ne].p = p;
				ents[ne].seq = ne;
				ne++;
			}
		}
	}
	free(recs);
	reverse = ctx->o.reverse;
	if (ne)		/* qsort(NULL, 0, ...) is undefined */
		qsort(ents, ne, sizeof(*ents), entry_cmp);
	ne = kbq_limited(ctx, ne);
	if (!kbq_listing(ctx)) {	/* -q, -c */
		free(ents);
		return kbq_listed(ctx, ne);
	}
	if (ctx->o.format == KBQ_FMT_TEXT && ne) {
		t = kbq_table_new(5);
		kbq_table_cell(t, "date", 4);
		kbq_table_cell(t, "kind", 4);
		kbq_table_cell(t, "id", 2);
		kbq_table_cell(t, "field", 5);
		kbq_table_cell(t, "name", 4);
	} else if (ctx->o.format == KBQ_FMT_TSV) {
		puts("date\tkind\tid\tfield\tname");
	} else if (ctx->o.format == KBQ_FMT_CSV) {
		fputs("date,kind,id,field,name\r\n", stdout);
	} else if (ctx->o.format == KBQ_FMT_JSON) {
		putchar('[');
	}
	for (i = 0; i < ne; i++)
		row(ctx, t, &ents[i], i == 0);
	if (t) {
		kbq_table_print(t, stdout, ctx->color, true);
		kbq_table_free(t);
	}
	if (ctx->o.format == KBQ_FMT_JSON)
		puts(ne ? "\n]" : "]");
	free(ents);
	return ne ? 0 : 1;
}

static int timeline_exec(struct kbq_ctx *ctx)
{
	const struct kb_record **recs;
	struct kb_query *q;
	size_t n;
	int rc;

	if (kbq_compile(ctx, ctx->args, ctx->nargs, &q) < 0)
		return 2;
	if (!(rc = kbq_select(ctx, q, &recs, &n))) {
		rc = timeline_rows(ctx, recs, n);
		kbq_warn_refs(ctx, q, ctx->args);
	}
	kb_query_free(q);
	return rc;
}

const struct kbq_cmd kbq_cmd_timeline = {
	.name = "timeline",
	.args = "[EXPR...]",
	.summary = "List every date of the records matching EXPR in date order: "
		   "date, kind, id, field, name.",
	.options = KBQ_O_OUTPUT | KBQ_O_REVERSE | KBQ_O_LIMIT | KBQ_O_COUNT |
		   KBQ_O_QUIET | KBQ_O_ICASE | KBQ_O_FIXED | KBQ_O_NULL |
		   KBQ_O_ASOF,
	.min_args = 0,
	.max_args = -1,
	.needs_kb = true,
	.exec = timeline_exec,
};
