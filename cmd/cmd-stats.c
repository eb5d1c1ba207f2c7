/* cmd-stats.c - `kbq stats`: records per kind, per value of each enum
 * field (type, status, ...), and how often each field is filled.  One pass
 * over the records, streamed: memory does not grow with the KB. */
#include "kbq.h"

#include <stdlib.h>
#include <string.h>

struct kstat {
	const char *kind;		/* interned, as are field names */
	const struct kb_kind *k;	/* NULL: not in the schema */
	size_t records;
	const char **fields;		/* id, kind, schema order, then as met */
	size_t *filled;
	size_t nfields;
	size_t **counts;		/* per schema field: per enum value */
};

struct stats {
	struct kstat *ks;
	size_t nk, total;
};

static size_t field_slot(struct kstat *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->nfields; i++)
		if (s->fields[i] == name || !strcmp(s->fields[i], name))
			return i;
	s->fields = xrealloc(s->fields, (s->nfields + 1) * sizeof(*s->fields));
	s->filled = xrealloc(s->filled, (s->nfields + 1) * sizeof(*s->filled));
	s->fields[s->nfields] = name;
	s->filled[s->nfields] = 0;
	return s->nfields++;
}

static struct kstat *kind_slot(struct stats *st, const char *kind,
			       const struct kb_kind *k)
{
	struct kstat *s;
	size_t i;

	for (i = 0; i < st->nk; i++)
		if (st->ks[i].kind == kind || !strcmp(st->ks[i].kind, kind))
			return &st->ks[i];
	st->ks = xrealloc(st->ks, (st->nk + 1) * sizeof(*st->ks));
	s = &st->ks[st->nk++];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->k = k;
	field_slot(s, "id");
	field_slot(s, "kind");
	if (k) {
		s->counts = xcalloc(k->nfields, sizeof(*s->counts));
		for (i = 0; i < k->nfields; i++) {
			field_slot(s, k->fields[i].name);
			if (k->fields[i].type == KB_TYPE_ENUM)
				s->counts[i] = xcalloc(k->fields[i].nvalues,
						       sizeof(size_t));
		}
	}
	return s;
}

static int count_record(struct kbq_ctx *ctx, const struct kb_record *r,
			void *ud, struct kb_error *err)
{
	struct stats *st = ud;
	struct kstat *s = kind_slot(st, r->kind, kb_kind_find(ctx->kb, r->kind));
	uint32_t f, k;
	size_t i, v;

	st->total++;
	s->records++;
	for (f = 0; f < r->nfields; f++) {
		/* field_slot() may move s->filled: index it after */
		size_t slot = field_slot(s, r->fields[f].name);
		s->filled[slot]++;
	}
	for (i = 0; s->k && i < s->k->nfields; i++) {
		const struct kb_fieldspec *fs = &s->k->fields[i];
		const struct kb_field *fd;
		if (!s->counts[i] || !(fd = kb_record_field(r, fs->name)))
			continue;
		for (k = 0; k < fd->count; k++)
			for (v = 0; v < fs->nvalues; v++)
				if (!strcmp(fs->values[v], fd->values[k].text))
					s->counts[i][v]++;
	}
	return 0;
}

static void print_json(const struct stats *st)
{
	size_t i, j, v;
	bool first;

	printf("{\"records\":%zu,\"kinds\":[", st->total);
	for (i = 0; i < st->nk; i++) {
		const struct kstat *s = &st->ks[i];
		printf("%s{\"kind\":", i ? "," : "");
		kbq_json_string(stdout, s->kind, strlen(s->kind));
		printf(",\"records\":%zu,\"fields\":{", s->records);
		for (j = 0; j < s->nfields; j++) {
			printf("%s", j ? "," : "");
			kbq_json_string(stdout, s->fields[j], strlen(s->fields[j]));
			printf(":%zu", s->filled[j]);
		}
		printf("},\"values\":{");
		first = true;
		for (j = 0; s->k && j < s->k->nfields; j++) {
			const struct kb_fieldspec *fs = &s->k->fields[j];
			if (!s->counts[j])
				continue;
			printf("%s", first ? "" : ",");
			first = false;
			kbq_json_string(stdout, fs->name, strlen(fs->name));
			printf(":{");
			for (v = 0; v < fs->nvalues; v++) {
				printf("%s", v ? "," : "");
				kbq_json_string(stdout, fs->values[v],
						strlen(fs->values[v]));
				printf(":%zu", s->counts[j][v]);
			}
			putchar('}');
		}
		printf("}}");
	}
	puts("]}");
}

static void print_text(struct kbq_ctx *ctx, const struct stats *st)
{
	char a[32], b[32], name[300];
	size_t i, j, v;

	printf("%zu records\n", st->total);
	for (i = 0; i < st->nk; i++) {
		const struct kstat *s = &st->ks[i];
		struct kbq_table *t;

		printf("\n%s", kbq_c(ctx->color, "\033[1m"));
		kbq_esc_puts(stdout, s->kind);
		printf("%s: %zu record%s%s\n", kbq_c(ctx->color, "\033[m"), s->records,
		       s->records == 1 ? "" : "s",
		       s->k || !kb_has_schema(ctx->kb) ? "" :
		       " (kind not in the schema)");
		for (j = 0; s->k && j < s->k->nfields; j++) {
			const struct kb_fieldspec *fs = &s->k->fields[j];
			bool any = false;
			if (!s->counts[j])
				continue;
			kbq_esc_printf(stdout, "  by %s:", fs->name);
			for (v = 0; v < fs->nvalues; v++) {
				if (!s->counts[j][v])
					continue;
				kbq_esc_printf(stdout, "%s %s %zu", any ? "," : "",
					       fs->values[v], s->counts[j][v]);
				any = true;
			}
			printf("%s\n", any ? "" : " none");
		}
		t = kbq_table_new(3);
		kbq_table_cell(t, "  field", 7);
		kbq_table_cell(t, "filled", 6);
		kbq_table_cell(t, "%", 1);
		for (j = 0; j < s->nfields; j++) {
			snprintf(name, sizeof(name), "  %s", s->fields[j]);
			snprintf(a, sizeof(a), "%zu", s->filled[j]);
			snprintf(b, sizeof(b), "%zu",
				 s->records ? (s->filled[j] * 100 + s->records / 2) /
					      s->records : 0);
			kbq_table_cell(t, name, strlen(name));
			kbq_table_cell(t, a, strlen(a));
			kbq_table_cell(t, b, strlen(b));
		}
		kbq_table_print(t, stdout, false, false);
		kbq_table_free(t);
	}
}

static int stats_exec(struct kbq_ctx *ctx)
{
	struct stats st = { NULL, 0, 0 };
	struct kb_query *q;
	size_t i, j;
	int rc;

	/* every kind of the schema, in schema order, even with no record */
	for (i = 0; i < kb_kind_count(ctx->kb); i++)
		kind_slot(&st, kb_kind_at(ctx->kb, i)->name, kb_kind_at(ctx->kb, i));
	if (kbq_compile(ctx, NULL, 0, &q) < 0)
		return 2;
	rc = kbq_each_match(ctx, q, count_record, &st);
	kb_query_free(q);
	if (!rc) {
		if (ctx->o.format == KBQ_FMT_JSON)
			print_json(&st);
		else
			print_text(ctx, &st);
	}
	for (i = 0; i < st.nk; i++) {
		for (j = 0; st.ks[i].k && j < st.ks[i].k->nfields; j++)
			free(st.ks[i].counts[j]);
		free(st.ks[i].counts);
		free(st.ks[i].fields);
		free(st.ks[i].filled);
	}
	free(st.ks);
	return rc ? rc : st.total ? 0 : 1;
}

const struct kbq_cmd kbq_cmd_stats = {
	.name = "stats",
	.args = "",
	.summary = "Count the records per kind and per value of each enum field, "
		   "and how often each field is filled.",
	.options = KBQ_O_OUTPUT,
	.formats = KBQ_F(TEXT) | KBQ_F(JSON),
	.min_args = 0,
	.max_args = 0,
	.needs_kb = true,
	.exec = stats_exec,
};
