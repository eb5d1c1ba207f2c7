/* cmd-stats.c - `kbq stats`: records per kind, per value of each enum
 * field (type, status, ...), and how often each field is filled. */
#include "kbq.h"

#include <stdlib.h>
#include <string.h>

struct kstat {
	const char *kind;
	const struct kb_kind *k;	/* NULL: not in the schema */
	size_t records;
	const char **fields;		/* schema order, then as met */
	size_t *filled;
	size_t nfields;
};

static size_t field_slot(struct kstat *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->nfields; i++)
		if (!strcmp(s->fields[i], name))
			return i;
	s->fields = xrealloc(s->fields, (s->nfields + 1) * sizeof(*s->fields));
	s->filled = xrealloc(s->filled, (s->nfields + 1) * sizeof(*s->filled));
	s->fields[s->nfields] = name;
	s->filled[s->nfields] = 0;
	return s->nfields++;
}

static struct kstat *kind_slot(struct kstat **v, size_t *n, const char *kind,
			       const struct kb_kind *k)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (!strcmp((*v)[i].kind, kind))
			return &(*v)[i];
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	memset(&(*v)[*n], 0, sizeof(**v));
	(*v)[*n].kind = kind;
	(*v)[*n].k = k;
	field_slot(&(*v)[*n], "id");
	field_slot(&(*v)[*n], "kind");
	if (k)
		for (i = 0; i < k->nfields; i++)
			field_slot(&(*v)[*n], k->fields[i].name);
	return &(*v)[(*n)++];
}

/* Counts of each value of an enum field, in the schema's value order. */
static void enum_counts(const struct kb *kb, const struct kstat *s,
			const struct kb_fieldspec *f, size_t *counts)
{
	size_t i, v;
	uint32_t k;

	for (i = 0; i < kb_count(kb); i++) {
		const struct kb_record *r = kb_at(kb, i);
		const struct kb_field *fd;
		if (strcmp(r->kind, s->kind) || !(fd = kb_record_field(r, f->name)))
			continue;
		for (k = 0; k < fd->count; k++)
			for (v = 0; v < f->nvalues; v++)
				if (!strcmp(f->values[v], fd->values[k].text))
					counts[v]++;
	}
}

static int stats_exec(struct kbq_ctx *ctx)
{
	const struct kb *kb = ctx->kb;
	bool json = ctx->o.format == KBQ_FMT_JSON;
	struct kstat *ks = NULL;
	size_t nk = 0, i, j, v;
	bool firstenum = true;
	uint32_t f;

	if (ctx->o.format != KBQ_FMT_TEXT && !json) {
		kbq_error("stats prints text or json");
		return 2;
	}
	for (i = 0; i < kb_kind_count(kb); i++)
		kind_slot(&ks, &nk, kb_kind_at(kb, i)->name, kb_kind_at(kb, i));
	for (i = 0; i < kb_count(kb); i++) {
		const struct kb_record *r = kb_at(kb, i);
		struct kstat *s = kind_slot(&ks, &nk, r->kind,
					    kb_kind_find(kb, r->kind));
		s->records++;
		for (f = 0; f < r->nfields; f++)
			s->filled[field_slot(s, r->fields[f].name)]++;
	}
	if (json)
		printf("{\"records\":%zu,\"kinds\":[", kb_count(kb));
	else
		printf("%zu records\n", kb_count(kb));
	for (i = 0; i < nk; i++) {
		struct kstat *s = &ks[i];
		if (json) {
			printf("%s{\"kind\":", i ? "," : "");
			kbq_json_string(stdout, s->kind, strlen(s->kind));
			printf(",\"records\":%zu,\"fields\":{", s->records);
			for (j = 0; j < s->nfields; j++) {
				printf("%s", j ? "," : "");
				kbq_json_string(stdout, s->fields[j],
						strlen(s->fields[j]));
				printf(":%zu", s->filled[j]);
			}
			printf("},\"values\":{");
			firstenum = true;
		} else {
			printf("\n%s%s%s: %zu record%s%s\n",
			       kbq_c(ctx->color, "\033[1m"), s->kind,
			       kbq_c(ctx->color, "\033[m"), s->records,
			       s->records == 1 ? "" : "s",
			       s->k ? "" : " (kind not in the schema)");
		}
		for (j = 0; s->k && j < s->k->nfields; j++) {
			const struct kb_fieldspec *fs = &s->k->fields[j];
			size_t *counts;
			bool any = false;
			if (fs->type != KB_TYPE_ENUM)
				continue;
			counts = xcalloc(fs->nvalues, sizeof(*counts));
			enum_counts(kb, s, fs, counts);
			if (json) {
				printf("%s", firstenum ? "" : ",");
				firstenum = false;
				kbq_json_string(stdout, fs->name, strlen(fs->name));
				putchar(':');
				putchar('{');
			} else {
				printf("  by %s:", fs->name);
			}
			for (v = 0; v < fs->nvalues; v++) {
				if (!counts[v] && !json)
					continue;
				if (json) {
					printf("%s", v ? "," : "");
					kbq_json_string(stdout, fs->values[v],
							strlen(fs->values[v]));
					printf(":%zu", counts[v]);
				} else {
					printf("%s %s %zu", any ? "," : "",
					       fs->values[v], counts[v]);
				}
				any = true;
			}
			if (json)
				putchar('}');
			else
				printf("%s\n", any ? "" : " none");
			free(counts);
		}
		if (json) {
			printf("}}");
			continue;
		}
		{
			struct kbq_table *t = kbq_table_new(3);
			char a[32], b[32];
			kbq_table_cell(t, "  field", 7);
			kbq_table_cell(t, "filled", 6);
			kbq_table_cell(t, "%", 1);
			for (j = 0; j < s->nfields; j++) {
				char name[300];
				snprintf(name, sizeof(name), "  %s", s->fields[j]);
				snprintf(a, sizeof(a), "%zu", s->filled[j]);
				snprintf(b, sizeof(b), "%zu",
					 s->records ? (s->filled[j] * 100 +
						       s->records / 2) / s->records : 0);
				kbq_table_cell(t, name, strlen(name));
				kbq_table_cell(t, a, strlen(a));
				kbq_table_cell(t, b, strlen(b));
			}
			kbq_table_print(t, stdout, false, false);
			kbq_table_free(t);
		}
	}
	if (json)
		puts("]}");
	for (i = 0; i < nk; i++) {
		free(ks[i].fields);
		free(ks[i].filled);
	}
	free(ks);
	return kb_count(kb) ? 0 : 1;
}

const struct kbq_cmd kbq_cmd_stats = {
	.name = "stats",
	.args = "",
	.summary = "Count the records per kind and per value of each enum field, "
		   "and how often each field is filled.",
	.options = KBQ_O_OUTPUT,
	.min_args = 0,
	.max_args = 0,
	.needs_kb = true,
	.exec = stats_exec,
};
