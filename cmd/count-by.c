/*
 * count-by.c - `--count-by LIST` (find and the plurals): instead of the
 * records, one row per distinct combination of the paths' values with the
 * number of matching records that have it, most frequent first, then by
 * value (SPEC 2).  The counting is the library's (kb_tally); this file
 * feeds it the matches and writes its rows in each format.
 */
#include "kbq.h"

#include <stdlib.h>
#include <string.h>

int kbq_count_by_usage(const struct kbq_ctx *ctx)
{
	const char *clash = NULL;

	if (ctx->o.fields)
		clash = "--fields (the rows hold the paths and their count)";
	else if (ctx->o.sort)
		clash = "--sort (the rows come most frequent first; --reverse "
			"puts the least frequent first)";
	else if (ctx->o.null)
		clash = "-0 (there are no ids to print)";
	else if (ctx->o.format == KBQ_FMT_ID)
		clash = "-o id (there are no ids to print)";
	if (!clash)
		return 0;
	kbq_error("--count-by does not go with %s", clash);
	return 2;
}

struct paths {
	char *list;
	const char **v;
	size_t n;
};

/* The paths of LIST (checked by kbq_compile), each once, none 'count'. */
static int split(const char *list, struct paths *p)
{
	char *save = NULL, *tok;
	size_t i;

	p->list = xstrdup(list);
	p->v = xcalloc(strlen(list) + 1, sizeof(*p->v));
	p->n = 0;
	for (tok = strtok_r(p->list, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		if (!strcmp(tok, "count")) {
			kbq_error("--count-by 'count': the count has that name "
				  "in every format; count by another path");
			return -1;
		}
		for (i = 0; i < p->n; i++)
			if (!strcmp(p->v[i], tok)) {
				kbq_error("--count-by names '%s' twice", tok);
				return -1;
			}
		p->v[p->n++] = tok;
	}
	return 0;
}

static int add_one(struct kbq_ctx *ctx, const struct kb_record *rec, void *ud,
		   struct kb_error *err)
{
	(void)ctx;
	return kb_tally_add(ud, rec, err);
}

static void delimited_row(FILE *fp, enum kbq_format fmt,
			  const struct kb_value *v, size_t n, const char *count)
{
	const char *sep = fmt == KBQ_FMT_CSV ? "," : "\t";
	size_t i;

	for (i = 0; i <= n; i++) {
		const char *s = i < n ? v[i].text : count;
		size_t len = i < n ? v[i].len : strlen(count);
		if (i)
			fputs(sep, fp);
		if (fmt == KBQ_FMT_CSV)
			kbq_csv_field(fp, s, len);
		else
			kbq_tsv_field(fp, s, len);
	}
	fputs(fmt == KBQ_FMT_CSV ? "\r\n" : "\n", fp);
}

static void print_rows(struct kbq_ctx *ctx, const struct kb_tally *t,
		       const struct paths *p, size_t nrows)
{
	enum kbq_format fmt = ctx->o.format;
	struct kbq_table *table = NULL;
	struct kb_value *head;
	FILE *fp = stdout;
	size_t r, i, count;
	char num[32];

	if (fmt == KBQ_FMT_TEXT) {
		if (!nrows)	/* as find: an empty table prints nothing */
			return;
		table = kbq_table_new(p->n + 1);
		for (i = 0; i < p->n; i++)
			kbq_table_cell(table, p->v[i], strlen(p->v[i]));
		kbq_table_cell(table, "count", 5);
	} else if (fmt == KBQ_FMT_TSV || fmt == KBQ_FMT_CSV) {
		head = xcalloc(p->n ? p->n : 1, sizeof(*head));
		for (i = 0; i < p->n; i++) {
			head[i].text = p->v[i];
			head[i].len = (uint32_t)strlen(p->v[i]);
		}
		delimited_row(fp, fmt, head, p->n, "count");
		free(head);
	} else if (fmt == KBQ_FMT_JSON) {
		fputs("[", fp);
	}
	for (r = 0; r < nrows; r++) {
		const struct kb_value *v = kb_tally_row(t, r, &count);

		snprintf(num, sizeof(num), "%zu", count);
		switch (fmt) {
		case KBQ_FMT_TEXT:
			for (i = 0; i < p->n; i++)
				kbq_table_cell(table, v[i].text, v[i].len);
			kbq_table_cell(table, num, strlen(num));
			break;
		case KBQ_FMT_TSV:
		case KBQ_FMT_CSV:
			delimited_row(fp, fmt, v, p->n, num);
			break;
		case KBQ_FMT_JSON:
		case KBQ_FMT_JSONL:
			if (fmt == KBQ_FMT_JSON)
				fputs(r ? ",\n{" : "\n{", fp);
			else
				putc('{', fp);
			for (i = 0; i < p->n; i++) {
				kbq_json_string(fp, p->v[i], strlen(p->v[i]));
				putc(':', fp);
				kbq_json_string(fp, v[i].text, v[i].len);
				putc(',', fp);
			}
			fprintf(fp, "\"count\":%s}", num);
			if (fmt == KBQ_FMT_JSONL)
				putc('\n', fp);
			break;
		case KBQ_FMT_YAML:
			fputs("---\n", fp);
			for (i = 0; i < p->n; i++) {
				kbq_yaml_key(fp, p->v[i]);
				putc(' ', fp);
				kbq_yaml_scalar(fp, v[i].text, v[i].len);
				putc('\n', fp);
			}
			fprintf(fp, "count: %s\n", num);
			break;
		case KBQ_FMT_ID:
			break;	/* refused by kbq_count_by_usage() */
		}
	}
	if (fmt == KBQ_FMT_JSON)
		fputs(nrows ? "\n]\n" : "]\n", fp);
	if (table) {
		kbq_table_print(table, fp, ctx->color, true);
		kbq_table_free(table);
	}
}

int kbq_count_by(struct kbq_ctx *ctx, const struct kb_query *q)
{
	struct kb_tally *t = NULL;
	struct kb_error err;
	struct paths p = { NULL, NULL, 0 };
	size_t nrows;
	int rc = 2;

	if (split(ctx->o.count_by, &p) < 0)
		goto out;
	if (kb_tally_new(&t, ctx->kb, p.v, p.n, &err)) {
		kbq_report(&err, NULL, 0);
		goto out;
	}
	/* streamed when no path follows a ref: memory is the rows' */
	if (kbq_each_match(ctx, q, add_one, t))
		goto out;
	nrows = kb_tally_sort(t, ctx->o.reverse);
	if (ctx->o.limit >= 0 && (size_t)ctx->o.limit < nrows)
		nrows = (size_t)ctx->o.limit;
	if (ctx->o.quiet)
		;	/* the exit status tells */
	else if (ctx->o.count)
		printf("%zu\n", nrows);
	else
		print_rows(ctx, t, &p, nrows);
	rc = nrows ? 0 : 1;
out:
	kb_tally_free(t);
	free(p.v);
	free(p.list);
	return rc;
}
