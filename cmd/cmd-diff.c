/* cmd-diff.c - `kbq diff OLD NEW [EXPR...]`: the records added, removed and
 * changed between two versions of a KB (SPEC 3), and the printing of record
 * changes that `kbq log` shares. */
#include "kbq.h"

#include <stdlib.h>
#include <string.h>

/* ---- which records ----------------------------------------------------------- */

/* Compile EXPR for one version; a field that version does not know makes it
 * match nothing there (the other version may know it). */
static int compile_one(struct kbq_ctx *ctx, struct kb *kb,
		       const char *const *words, size_t n, struct kb_query **q,
		       struct kb_error *err)
{
	unsigned flags = (ctx->o.icase ? KB_Q_ICASE : 0) |
			 (ctx->o.fixed ? KB_Q_FIXED : 0);

	*q = NULL;
	return kb_query_compile(q, kb, words, n, NULL, 0, flags, NULL, err);
}

int kbq_changes_compile(struct kbq_changes *c, const char *const *words,
			size_t n)
{
	struct kb_error eo = { 0 }, en = { 0 };
	int ro, rn;

	c->filter = n > 0;
	if (!n)
		return 0;
	rn = compile_one(c->ctx, c->new, words, n, &c->qnew, &en);
	ro = compile_one(c->ctx, c->old, words, n, &c->qold, &eo);
	kb_error_free(&eo);	/* NEW's error is the one told */
	if (rn && ro && !c->lenient) {
		kbq_report(&en, words, n);
		return -1;
	}
	kb_error_free(&en);
	if (rn && ro)
		return 0;	/* lenient: no record matches in either */
	if (c->needs_whole &&
	    ((c->qnew && kb_query_follows_refs(c->qnew)) ||
	     (c->qold && kb_query_follows_refs(c->qold)))) {
		kbq_error("'%s' reads only the files each commit touched, so an "
			  "expression cannot follow refs (A.B)", c->ctx->name);
		return -1;
	}
	return 0;
}

static int matches(struct kbq_changes *c, const struct kb_query *q,
		   const struct kb_record *r)
{
	if (!r || !q)
		return 0;
	return kb_query_match(q, r, &c->err);
}

/* ---- how values are shown ---------------------------------------------------- */

/* A list: written as one, declared as one, or more than one value. */
static bool shown_as_list(const struct kb *kb, const struct kb_record *r,
			  const struct kb_field *f)
{
	const struct kb_fieldspec *fs;

	if (!f)
		return false;
	if (f->is_list || f->count != 1)
		return true;
	fs = kb_kind_field(kb_kind_find(kb, r->kind), f->name);
	return fs && fs->list;
}

/* A value in a text line: bare when it cannot be misread, else in double
 * quotes with '"' and '\' escaped; escaped for the terminal either way. */
static void text_value(FILE *fp, const struct kb_value *v, bool in_list)
{
	const char *s = v->text;
	size_t len = v->len, i, start = 0;
	bool quote = !len || s[0] == ' ' || s[len - 1] == ' ' ||
		     s[0] == '\t' || s[len - 1] == '\t' || memchr(s, '"', len);

	for (i = 0; !quote && i < len; i++)
		if ((in_list && strchr(",[]", s[i])) ||
		    (!in_list && i + 4 <= len && !memcmp(s + i, " -> ", 4)))
			quote = true;
	if (!quote) {
		kbq_esc_write(fp, s, len);
		return;
	}
	putc('"', fp);
	for (i = 0; i < len; i++) {
		if (s[i] != '"' && s[i] != '\\')
			continue;
		kbq_esc_write(fp, s + start, i - start);
		putc('\\', fp);
		putc(s[i], fp);
		start = i + 1;
	}
	kbq_esc_write(fp, s + start, len - start);
	putc('"', fp);
}

static void text_list(FILE *fp, const struct kb_value *const *v,
		      const struct kb_value *direct, size_t n)
{
	size_t i;

	putc('[', fp);
	for (i = 0; i < n; i++) {
		if (i)
			fputs(", ", fp);
		text_value(fp, direct ? &direct[i] : v[i], true);
	}
	putc(']', fp);
}

static void text_field(FILE *fp, const struct kb_field *f, bool list)
{
	if (list)
		text_list(fp, NULL, f->values, f->count);
	else
		text_value(fp, &f->values[0], false);
}

static const char *const C_ADD = "\033[32m", *const C_DEL = "\033[31m",
		  *const C_HEAD = "\033[1m", *const C_WHERE = "\033[2m",
		  *const C_OFF = "\033[m";

static void text_record(struct kbq_changes *c, const struct kb_record_diff *d)
{
	FILE *fp = c->fp;
	bool col = c->ctx->color;
	const struct kb_record *r = d->new ? d->new : d->old;
	const char *sign = d->change == KB_CHANGE_ADDED ? "+" :
			   d->change == KB_CHANGE_REMOVED ? "-" : "~";
	size_t i;

	fputs(kbq_c(col, C_HEAD), fp);
	fputs(kbq_c(col, d->change == KB_CHANGE_ADDED ? C_ADD :
			 d->change == KB_CHANGE_REMOVED ? C_DEL : ""), fp);
	fprintf(fp, "%s ", sign);
	kbq_esc_puts(fp, r->id);
	fputs(" (", fp);
	kbq_esc_puts(fp, r->kind);
	fputs(")", fp);
	fputs(kbq_c(col, C_OFF), fp);
	putc(' ', fp);
	fputs(kbq_c(col, C_WHERE), fp);
	kbq_esc_puts(fp, r->file);
	fprintf(fp, ":%u:%u", r->line, r->col);
	fputs(kbq_c(col, C_OFF), fp);
	putc('\n', fp);
	for (i = 0; i < d->nfields; i++) {
		const struct kb_field_diff *f = &d->fields[i];
		const struct kb *okb = c->old, *nkb = c->new;
		bool list = shown_as_list(okb, d->old, f->old) ||
			    shown_as_list(nkb, d->new, f->new);

		/* an added or removed record's kind is in its header */
		if (d->change != KB_CHANGE_CHANGED && !strcmp(f->name, "kind"))
			continue;
		switch (f->change) {
		case KB_CHANGE_ADDED:
		case KB_CHANGE_REMOVED: {
			bool add = f->change == KB_CHANGE_ADDED;
			fputs(kbq_c(col, add ? C_ADD : C_DEL), fp);
			fputs(add ? "  + " : "  - ", fp);
			kbq_esc_puts(fp, f->name);
			fputs(": ", fp);
			text_field(fp, add ? f->new : f->old, list);
			fputs(kbq_c(col, C_OFF), fp);
			break;
		}
		case KB_CHANGE_CHANGED:
			fputs("  ~ ", fp);
			kbq_esc_puts(fp, f->name);
			fputs(": ", fp);
			if (!list) {
				fputs(kbq_c(col, C_DEL), fp);
				text_value(fp, &f->old->values[0], false);
				fputs(kbq_c(col, C_OFF), fp);
				fputs(" -> ", fp);
				fputs(kbq_c(col, C_ADD), fp);
				text_value(fp, &f->new->values[0], false);
				fputs(kbq_c(col, C_OFF), fp);
				break;
			}
			if (f->nremoved) {
				fputs(kbq_c(col, C_DEL), fp);
				putc('-', fp);
				text_list(fp, f->removed, NULL, f->nremoved);
				fputs(kbq_c(col, C_OFF), fp);
			}
			if (f->nremoved && f->nadded)
				putc(' ', fp);
			if (f->nadded) {
				fputs(kbq_c(col, C_ADD), fp);
				putc('+', fp);
				text_list(fp, f->added, NULL, f->nadded);
				fputs(kbq_c(col, C_OFF), fp);
			}
			break;
		case KB_CHANGE_ORDER:
			fputs("  ~ ", fp);
			kbq_esc_puts(fp, f->name);
			fputs(": order ", fp);
			text_list(fp, NULL, f->old->values, f->old->count);
			fputs(" -> ", fp);
			text_list(fp, NULL, f->new->values, f->new->count);
			break;
		}
		putc('\n', fp);
	}
}

/* A field's values as find's json writes them; null when absent. */
static void json_field(FILE *fp, const struct kb_field *f, bool list)
{
	uint32_t i;

	if (!f) {
		fputs("null", fp);
		return;
	}
	if (!list) {
		kbq_json_string(fp, f->values[0].text, f->values[0].len);
		return;
	}
	putc('[', fp);
	for (i = 0; i < f->count; i++) {
		if (i)
			putc(',', fp);
		kbq_json_string(fp, f->values[i].text, f->values[i].len);
	}
	putc(']', fp);
}

void kbq_changes_json(struct kbq_changes *c, const struct kb_record_diff *d)
{
	FILE *fp = c->fp;
	const struct kb_record *r = d->new ? d->new : d->old;
	size_t i;
	bool first = true;

	fputs("{\"id\":", fp);
	kbq_json_string(fp, r->id, strlen(r->id));
	fputs(",\"kind\":", fp);
	kbq_json_string(fp, r->kind, strlen(r->kind));
	fprintf(fp, ",\"change\":\"%s\",\"file\":",
		d->change == KB_CHANGE_ADDED ? "added" :
		d->change == KB_CHANGE_REMOVED ? "removed" : "changed");
	kbq_json_string(fp, r->file, strlen(r->file));
	fprintf(fp, ",\"line\":%u,\"col\":%u,\"fields\":{", r->line, r->col);
	for (i = 0; i < d->nfields; i++) {
		const struct kb_field_diff *f = &d->fields[i];
		bool list = shown_as_list(c->old, d->old, f->old) ||
			    shown_as_list(c->new, d->new, f->new);

		if (d->change != KB_CHANGE_CHANGED && !strcmp(f->name, "kind"))
			continue;
		if (!first)
			putc(',', fp);
		first = false;
		kbq_json_string(fp, f->name, strlen(f->name));
		fputs(":{\"old\":", fp);
		json_field(fp, f->old, list);
		fputs(",\"new\":", fp);
		json_field(fp, f->new, list);
		if (list && (f->change == KB_CHANGE_CHANGED ||
			     f->change == KB_CHANGE_ORDER)) {
			fputs(",\"removed\":", fp);
			kbq_json_values(fp, f->removed, f->nremoved, true);
			fputs(",\"added\":", fp);
			kbq_json_values(fp, f->added, f->nadded, true);
			if (f->change == KB_CHANGE_ORDER)
				fputs(",\"order\":true", fp);
		}
		putc('}', fp);
	}
	fputs("}}", fp);
}

/* ---- the walk ------------------------------------------------------------------ */

static int one(const struct kb_record_diff *d, void *ud)
{
	struct kbq_changes *c = ud;
	const struct kb_record *r = d->new ? d->new : d->old;
	int mo = 0, mn = 0;

	if (c->filter) {
		if ((mo = matches(c, c->qold, d->old)) < 0 ||
		    (mn = matches(c, c->qnew, d->new)) < 0)
			return KB_EMATCH;
		if (!mo && !mn)
			return 0;
	}
	if (c->stat) {
		if (c->nkinds == c->capkinds) {
			c->capkinds = c->capkinds ? c->capkinds * 2 : 64;
			c->kinds = xrealloc(c->kinds, c->capkinds * sizeof(*c->kinds));
		}
		/* the kind's text lives as long as its KB */
		c->kinds[c->nkinds].kind = r->kind;
		c->kinds[c->nkinds].change = d->change;
		c->nkinds++;
	}
	c->n++;
	if (c->quiet)
		return 0;
	switch (c->format) {
	case KBQ_FMT_ID:
		kbq_esc_puts(c->fp, r->id);
		putc(c->ctx->o.null ? '\0' : '\n', c->fp);
		break;
	case KBQ_FMT_JSON:
	case KBQ_FMT_JSONL:
		if (c->embed) {
			if (c->nobj++)
				putc(',', c->fp);
		} else if (c->format == KBQ_FMT_JSON) {
			fputs(c->nobj++ ? ",\n" : "\n", c->fp);
		}
		kbq_changes_json(c, d);
		if (c->format == KBQ_FMT_JSONL && !c->embed)
			putc('\n', c->fp);
		break;
	default:
		text_record(c, d);
		break;
	}
	return 0;
}

int kbq_changes_run(struct kbq_changes *c)
{
	struct kb_error err;
	int rc;

	memset(&c->err, 0, sizeof(c->err));
	rc = kb_diff(c->old, c->new, one, c, &err);
	if (rc == KB_EMATCH && c->err.code) {
		kbq_report(&c->err, NULL, 0);
		return 2;
	}
	if (rc) {
		kbq_report(&err, NULL, 0);
		return 2;
	}
	return 0;
}

bool kbq_changes_schema(struct kbq_changes *c, bool show)
{
	const char *of = kb_schema_file(c->old), *nf = kb_schema_file(c->new);

	if (kb_schema_equal(c->old, c->new))
		return false;
	if (!show || c->format == KBQ_FMT_ID)
		return true;
	if (c->format == KBQ_FMT_JSON || c->format == KBQ_FMT_JSONL) {
		if (c->format == KBQ_FMT_JSON)
			fputs(c->nobj++ ? ",\n" : "\n", c->fp);
		fputs("{\"schema\":\"changed\"}", c->fp);
		if (c->format == KBQ_FMT_JSONL)
			putc('\n', c->fp);
		return true;
	}
	fputs(kbq_c(c->ctx->color, C_HEAD), c->fp);
	fputs("schema changed (", c->fp);
	kbq_esc_puts(c->fp, of ? of : "none");
	fputs(" -> ", c->fp);
	kbq_esc_puts(c->fp, nf ? nf : "none");
	fputs(")", c->fp);
	fputs(kbq_c(c->ctx->color, C_OFF), c->fp);
	putc('\n', c->fp);
	return true;
}

void kbq_changes_free(struct kbq_changes *c)
{
	kb_error_free(&c->err);
	kb_query_free(c->qold);
	kb_query_free(c->qnew);
	free(c->kinds);
	c->qold = c->qnew = NULL;
	c->kinds = NULL;
}

/* ---- --stat ----------------------------------------------------------------------- */

static int kind_cmp(const void *a, const void *b)
{
	return strcmp(((const struct kbq_kindchange *)a)->kind,
		      ((const struct kbq_kindchange *)b)->kind);
}

static void print_stat(struct kbq_changes *c)
{
	struct kbq_table *t = kbq_table_new(4);
	size_t i, j, tot[4] = { 0, 0, 0, 0 };
	char num[32];
	int k;

	qsort(c->kinds, c->nkinds, sizeof(*c->kinds), kind_cmp);
	kbq_table_cell(t, "kind", 4);
	kbq_table_cell(t, "added", 5);
	kbq_table_cell(t, "removed", 7);
	kbq_table_cell(t, "changed", 7);
	for (i = 0; i < c->nkinds; i = j) {
		size_t n[4] = { 0, 0, 0, 0 };
		for (j = i; j < c->nkinds && !strcmp(c->kinds[j].kind,
						     c->kinds[i].kind); j++)
			n[c->kinds[j].change]++;
		kbq_table_cell(t, c->kinds[i].kind, strlen(c->kinds[i].kind));
		for (k = KB_CHANGE_ADDED; k <= KB_CHANGE_CHANGED; k++) {
			snprintf(num, sizeof(num), "%zu", n[k]);
			kbq_table_cell(t, num, strlen(num));
			tot[k] += n[k];
		}
	}
	kbq_table_cell(t, "total", 5);
	for (k = KB_CHANGE_ADDED; k <= KB_CHANGE_CHANGED; k++) {
		snprintf(num, sizeof(num), "%zu", tot[k]);
		kbq_table_cell(t, num, strlen(num));
	}
	kbq_table_print(t, c->fp, c->ctx->color, true);
	kbq_table_free(t);
}

/* ---- the command ---------------------------------------------------------------- */

static int diff_exec(struct kbq_ctx *ctx)
{
	struct kbq_changes c;
	struct kb_error err;
	int rc = 0;

	if (ctx->o.given & KBQ_O_KB) {
		kbq_error("'diff' compares OLD and NEW; --kb does not apply");
		return 2;
	}
	if (ctx->o.stat && ctx->o.format_set && ctx->o.format != KBQ_FMT_TEXT) {
		kbq_error("--stat prints a table: it does not go with -o");
		return 2;
	}
	memset(&c, 0, sizeof(c));
	c.ctx = ctx;
	c.fp = stdout;
	c.format = ctx->o.format;
	c.quiet = ctx->o.quiet || ctx->o.count || ctx->o.stat;
	c.stat = ctx->o.stat;
	if (kbq_open_kb(ctx, ctx->args[0], &c.old, &err) ||
	    kbq_open_kb(ctx, ctx->args[1], &c.new, &err)) {
		kbq_report(&err, NULL, 0);
		kbq_close_kb(c.old);
		return 2;
	}
	if (kbq_changes_compile(&c, ctx->args + 2, ctx->nargs - 2) < 0) {
		rc = 2;
		goto out;
	}
	if (c.format == KBQ_FMT_JSON && !c.quiet)
		fputs("[", stdout);
	kbq_changes_schema(&c, !ctx->o.quiet && !ctx->o.count);
	if ((rc = kbq_changes_run(&c)))
		goto out;
	if (c.format == KBQ_FMT_JSON && !c.quiet)
		fputs(c.nobj ? "\n]\n" : "]\n", stdout);
	if (ctx->o.stat && !ctx->o.quiet && !ctx->o.count) {
		if (c.n)	/* as git's --stat: nothing without changes */
			print_stat(&c);
	}
	else if (ctx->o.count && !ctx->o.quiet)
		printf("%zu\n", c.n);
	rc = c.n ? 1 : 0;
out:
	kbq_changes_free(&c);
	kbq_close_kb(c.old);
	kbq_close_kb(c.new);
	return rc;
}

const struct kbq_cmd kbq_cmd_diff = {
	.name = "diff",
	.args = "OLD NEW [EXPR...]",
	.summary = "Show the records added, removed and changed between two "
		   "versions of a KB.",
	.options = KBQ_O_OUTPUT | KBQ_O_COUNT | KBQ_O_QUIET | KBQ_O_ICASE |
		   KBQ_O_FIXED | KBQ_O_NULL | KBQ_O_STAT,
	.formats = KBQ_F(TEXT) | KBQ_F(JSON) | KBQ_F(JSONL) | KBQ_F(ID),
	.min_args = 2,
	.max_args = -1,
	.needs_kb = false,
	.exec = diff_exec,
};
