/* cmd-stats.c - `kbq stats`: records per kind, per value of each enum
 * field (type, status, ...), and how often each field is filled.  One pass
 * over the records, streamed: memory does not grow with the KB. */
#include "kbq.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef KB_COUNT_WORK
#include "kb-int.h"	/* a test build's work counters (tests/hostile) */
#define PROBE() KB_WORK_ADD(lookup_probes, 1)
#else
#define PROBE() ((void)0)
#endif

struct kstat {
	const char *kind;		/* interned, as are field names */
	const struct kb_kind *k;	/* NULL: not in the schema */
	size_t records;
	const char **fields;		/* id, kind, schema order, then as met */
	size_t *filled;
	size_t nfields;
	size_t **counts;		/* per schema field: per enum value */
};

/*
 * Kinds and (kind, field) pairs found by hashing, not by scanning: a KB of
 * 50,000 kinds or keys made stats quadratic.  Names are interned in the
 * KB, so a pointer pair is a key, and nothing a KB writes can make two
 * keys collide more than chance does.
 */
struct slot {
	const void *a, *b;
	size_t v;		/* the kind's or field's place, + 1 */
};

struct index {
	struct slot *s;
	size_t cap, n;
};

struct stats {
	struct kstat *ks;
	size_t nk, total;
	struct index kinds, fields;
	const char *id, *kindname;	/* interned "id", "kind" */
};

static size_t ptr_hash(const void *a, const void *b)
{
	uint64_t h = (uint64_t)(uintptr_t)a * 0x9e3779b97f4a7c15u ^
		     (uint64_t)(uintptr_t)b * 0xc2b2ae3d27d4eb4fu;

	return (size_t)(h ^ (h >> 29));
}

/* The value stored for (a, b): 0 when absent, then *put is set to where
 * it goes. */
static size_t index_get(struct index *x, const void *a, const void *b,
			struct slot **put)
{
	size_t i;

	if ((x->n + 1) * 2 > x->cap) {	/* at most half full */
		struct index bigger = { NULL, x->cap ? 2 * x->cap : 64, x->n };

		bigger.s = xcalloc(bigger.cap, sizeof(*bigger.s));
		for (i = 0; i < x->cap; i++) {
			size_t j = ptr_hash(x->s[i].a, x->s[i].b) & (bigger.cap - 1);

			if (!x->s[i].v)
				continue;
			while (bigger.s[j].v)
				j = (j + 1) & (bigger.cap - 1);
			bigger.s[j] = x->s[i];
		}
		free(x->s);
		*x = bigger;
	}
	for (i = ptr_hash(a, b) & (x->cap - 1); x->s[i].v;
	     i = (i + 1) & (x->cap - 1)) {
		PROBE();
		if (x->s[i].a == a && x->s[i].b == b)
			return x->s[i].v;
	}
	PROBE();
	*put = &x->s[i];
	return 0;
}

static size_t field_slot(struct stats *st, struct kstat *s, const char *name)
{
	struct slot *put;
	size_t v = index_get(&st->fields, s->kind, name, &put);

	if (v)
		return v - 1;
	s->fields = xrealloc(s->fields, (s->nfields + 1) * sizeof(*s->fields));
	s->filled = xrealloc(s->filled, (s->nfields + 1) * sizeof(*s->filled));
	s->fields[s->nfields] = name;
	s->filled[s->nfields] = 0;
	put->a = s->kind;
	put->b = name;
	put->v = s->nfields + 1;
	st->fields.n++;
	return s->nfields++;
}

static struct kstat *kind_slot(struct stats *st, const char *kind,
			       const struct kb_kind *k)
{
	struct slot *put;
	struct kstat *s;
	size_t i, v = index_get(&st->kinds, kind, NULL, &put);

	if (v)
		return &st->ks[v - 1];
	put->a = kind;
	put->v = st->nk + 1;
	st->kinds.n++;
	st->ks = xrealloc(st->ks, (st->nk + 1) * sizeof(*st->ks));
	s = &st->ks[st->nk++];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->k = k;
	field_slot(st, s, st->id);
	field_slot(st, s, st->kindname);
	if (k) {
		s->counts = xcalloc(k->nfields, sizeof(*s->counts));
		for (i = 0; i < k->nfields; i++) {
			field_slot(st, s, k->fields[i].name);
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
	size_t v;

	(void)err;
	st->total++;
	s->records++;
	for (f = 0; f < r->nfields; f++) {
		const struct kb_field *fd = &r->fields[f];
		const struct kb_fieldspec *fs;
		/* field_slot() may move s->filled: index it after */
		size_t slot = field_slot(st, s, fd->name);

		s->filled[slot]++;
		if (!s->k || !(fs = kb_kind_field(s->k, fd->name)) ||
		    !s->counts[fs - s->k->fields])
			continue;
		for (k = 0; k < fd->count; k++)
			if ((v = kb_enum_index(fs, fd->values[k].text,
					       fd->values[k].len)) != (size_t)-1)
				s->counts[fs - s->k->fields][v]++;
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
	struct stats st;
	struct kb_query *q;
	size_t i, j;
	int rc;

	memset(&st, 0, sizeof(st));
	/* interned with the KB (kb_name: NULL only if no record has them) */
	st.id = kb_name(ctx->kb, "id");
	st.kindname = kb_name(ctx->kb, "kind");
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
	free(st.kinds.s);
	free(st.fields.s);
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
