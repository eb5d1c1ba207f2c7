/*
 * fuzz-edit.c - libFuzzer target for the change commands' library (edit.c,
 * yspan.c, yamlw.c).  The input is one KB file (schema-less, so that every
 * change passes validation and reaches the writer); a generator seeded by
 * the input's hash makes a sequence of up to four changes on it: set a
 * value, append to or remove from a list, remove a field, add a record,
 * remove one, rename one.  After each change that is not refused:
 *
 *  - the new bytes load;
 *  - the intended change is there (the record's fields as intended, a
 *    record gone or added, an id renamed and every value naming it);
 *  - nothing else changed: every other record has the same fields and
 *    values, unless the change reports it changed (through an anchor it
 *    aliases, when the file has anchors).
 *
 * A refusal is fine (kbq then writes nothing); a change that breaks any
 * of the above aborts.  The sequence goes on from the new bytes.
 */
#include "kb.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_INPUT ((size_t)64 << 10)
#define NAME "kb/r.yaml"

static const char *const values[] = {
	"plain", "yes", "No", "0710", "1e3", "2025-06-09", "1:20", "~", "null",
	"a: b", "a #b", "# x", "- x", "[x]", "{x}", "a, b", " lead", "trail ",
	"'q'", "\"q\"", "back\\slash", "tab\there", "ctl\x01", "\xC3\xA9t\xC3\xA9",
	("\xE2\x80\xAE" "rlo"), "two\nlines", "ends\n", "  in\ndented", "a\n\n\nb",
	"cr\r\nlf", "\xC2\x85nel", "", "x",
};
static const char *const fields[] = { "name", "notes", "tags", "new",
				      "aliases", "a b", "2nd", "x" };

static void check(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz-edit: %s\n", what);
		abort();
	}
}

/* xorshift64*, seeded from the input */
static uint64_t rng;

static unsigned pick(unsigned n)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return n ? (unsigned)((rng * 2685821657736338717ULL) >> 33) % n : 0;
}

static struct kb *open_text(const char *text, size_t len, struct kb_memfile *mf)
{
	struct kb_open_opts oo;
	struct kb_error e;
	struct kb *kb;

	memset(&oo, 0, sizeof(oo));
	oo.threads = 1;
	mf->name = NAME;
	mf->data = text;
	mf->len = len;
	if (kb_open_mem(&kb, mf, 1, &oo, &e)) {
		kb_error_free(&e);
		return NULL;
	}
	return kb;
}

static char *apply(const struct kb_edit *ed, const char *old, size_t *len)
{
	const struct kb_edit_file *f = kb_edit_file_at(ed, 0);
	size_t cap, k, pos = 0, n = 0;
	char *out;

	check(kb_edit_nfiles(ed) == 1 && !strcmp(f->shown, NAME),
	      "a change of one file names another");
	cap = (size_t)f->size + 1;
	for (k = 0; k < f->nsplices; k++)
		cap += f->splices[k].tlen;
	if (!(out = malloc(cap)))
		abort();
	for (k = 0; k < f->nsplices; k++) {
		check(f->splices[k].off >= pos &&
		      f->splices[k].off + f->splices[k].len <= f->size,
		      "splices out of order");
		memcpy(out + n, old + pos, (size_t)f->splices[k].off - pos);
		n += (size_t)f->splices[k].off - pos;
		memcpy(out + n, f->splices[k].text, f->splices[k].tlen);
		n += f->splices[k].tlen;
		pos = (size_t)(f->splices[k].off + f->splices[k].len);
	}
	memcpy(out + n, old + pos, (size_t)f->size - pos);
	n += (size_t)f->size - pos;
	out[n] = '\0';
	*len = n;
	return out;
}

/* The fields of a and b hold the same values (in any order), `old` read as
 * `new` in every value but the kind's when renaming (the renamed record's
 * id, and every other record's refs to it). */
static int same(const struct kb_record *a, const struct kb_record *b,
		const char *old, const char *new)
{
	uint32_t i, j;

	if (a->nfields != b->nfields)
		return 0;
	for (i = 0; i < a->nfields; i++) {
		const struct kb_field *f = &a->fields[i];
		const struct kb_field *g = kb_record_field(b, f->name);
		bool ref = strcmp(f->name, "kind") != 0;

		if (!g || g->count != f->count)
			return 0;
		for (j = 0; j < f->count; j++) {
			const char *v = f->values[j].text;

			if (old && ref && !strcmp(v, old))
				v = new;
			if (strcmp(v, g->values[j].text))
				return 0;
		}
	}
	return 1;
}

/* Every field of a but `field` is in b with the same values, and b has no
 * other. */
static int same_but(const struct kb_record *a, const struct kb_record *b,
		    const char *field)
{
	uint32_t i, j, n = 0;

	for (i = 0; i < a->nfields; i++) {
		const struct kb_field *f = &a->fields[i];
		const struct kb_field *g = kb_record_field(b, f->name);

		if (!strcmp(f->name, field))
			continue;
		if (!g || g->count != f->count)
			return 0;
		for (j = 0; j < f->count; j++)
			if (strcmp(f->values[j].text, g->values[j].text))
				return 0;
		n++;
	}
	for (i = 0; i < b->nfields; i++)
		n -= strcmp(b->fields[i].name, field) != 0;
	return n == 0;
}

static int reported(const struct kb_edit *ed, const char *id)
{
	size_t i;

	for (i = 0; i < kb_edit_nrecs(ed); i++)
		if (!strcmp(kb_edit_rec_at(ed, i)->id, id))
			return 1;
	return 0;
}

enum { OP_SET, OP_APPEND, OP_REMOVE, OP_CLEAR, OP_ADD, OP_RM, OP_MV, NOPS };

/* One change on text; the new text (malloc'd) or NULL when refused. */
static char *one_change(const char *text, size_t len, size_t *newlen)
{
	struct kb_memfile mf, mf2;
	struct kb *kb = open_text(text, len, &mf), *after;
	struct kb_edit *ed = NULL;
	struct kb_error e = { 0 };	/* filled by the step that refuses */
	struct kb_assign a;
	const struct kb_record *target, *got;
	const char *field, *value, *newid = "fz-new";
	char *out = NULL;
	size_t i, n, np;
	int op, rc, anchors = memchr(text, '&', len) != NULL;

	if (!kb)
		return NULL;
	n = kb_count(kb);
	if (!n || kb_edit_new(&ed, kb, &e)) {
		kb_error_free(&e);
		kb_free(kb);
		return NULL;
	}
	target = kb_at(kb, pick((unsigned)n));
	op = (int)pick(NOPS);
	field = fields[pick(sizeof(fields) / sizeof(*fields))];
	value = values[pick(sizeof(values) / sizeof(*values))];
	if (!*value && op != OP_CLEAR)
		value = "v";
	a.field = field;
	a.value = value;
	a.word = 0;
	a.op = op == OP_APPEND ? KB_ASSIGN_APPEND : op == OP_REMOVE ?
	       KB_ASSIGN_REMOVE : KB_ASSIGN_SET;
	if (op == OP_CLEAR)
		a.value = NULL;
	if (op == OP_REMOVE) {
		const struct kb_field *f = kb_record_field(target, field);

		if (f && f->count)	/* remove a value it has, mostly */
			a.value = value = f->values[pick(f->count)].text;
	}
	switch (op) {
	case OP_ADD: {
		struct kb_assign add[2] = { { "id", KB_ASSIGN_SET, newid, 0 },
					    { "name", KB_ASSIGN_SET, value, 1 } };

		rc = kb_edit_add(ed, "thing", add, 2, "r.yaml", &e);
		break;
	}
	case OP_RM:
		rc = kb_edit_rm(ed, target->id, true, &e);
		break;
	case OP_MV:
		rc = kb_edit_mv(ed, target->id, newid, &e);
		break;
	default:
		rc = kb_edit_set(ed, target->id, &a, 1, &e);
	}
	if (rc || kb_edit_prepare(ed, NULL, NULL, &np, &e) || np ||
	    !kb_edit_nfiles(ed))
		goto out;	/* refused, or nothing to do */
	out = apply(ed, text, newlen);
	after = open_text(out, *newlen, &mf2);
	check(after != NULL, "the change does not load");
	/* the records: the target as intended, every other as it was */
	for (i = 0; i < n; i++) {
		const struct kb_record *r = kb_at(kb, i);
		bool is_target = r == target;

		if (is_target && op == OP_RM) {
			check(!kb_get(after, r->id), "a record removed is still there");
			continue;
		}
		if (is_target && op == OP_MV) {
			got = kb_get(after, newid);
			check(got && !kb_get(after, r->id), "a record not renamed");
			check(same(r, got, r->id, newid), "a renamed record changed");
			continue;
		}
		got = kb_get(after, r->id);
		check(got != NULL, "a record went missing");
		if (is_target && op <= OP_CLEAR) {
			const struct kb_field *f = kb_record_field(r, field);
			const struct kb_field *g = kb_record_field(got, field);
			uint32_t j, k = 0;

			switch (op) {
			case OP_SET:
				check(g && g->count == 1 &&
				      !strcmp(g->values[0].text, value),
				      "the value set is not there");
				break;
			case OP_APPEND:
				check(g && g->count == (f ? f->count : 0) + 1 &&
				      !strcmp(g->values[g->count - 1].text, value),
				      "the value appended is not there");
				break;
			case OP_REMOVE:
				for (j = 0; f && j < f->count; j++)
					k += strcmp(f->values[j].text, value) != 0;
				check(k ? g && g->count == k : !g,
				      "the values removed are not gone");
				for (j = 0; g && j < g->count; j++)
					check(strcmp(g->values[j].text, value) != 0,
					      "a value removed is still there");
				break;
			default:
				check(!g, "the field removed is still there");
			}
			check(same_but(r, got, field),
			      "another field of the record changed");
			continue;
		}
		if (op == OP_MV ? !same(r, got, target->id, newid) :
		    !same(r, got, NULL, NULL))
			check(anchors && reported(ed, r->id),
			      "a record that was not to change changed");
	}
	if (op == OP_ADD) {
		got = kb_get(after, newid);
		check(got && got->nfields == 3 &&
		      !strcmp(kb_record_field(got, "name")->values[0].text, value),
		      "the record added is not there");
	}
	check(kb_count(after) == n + (op == OP_ADD) - (op == OP_RM),
	      "records came or went");
	kb_free(after);
out:
	kb_error_free(&e);
	kb_edit_free(ed);
	kb_free(kb);
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text, *next;
	size_t len = size, nlen, k;

	if (size > MAX_INPUT)
		return 0;
	rng = 0x9E3779B97F4A7C15ULL;
	for (k = 0; k < size; k++)
		rng = (rng ^ data[k]) * 1099511628211ULL;
	rng |= 1;
	if (!(text = malloc(size + 1)))
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	for (k = 0; k < 4; k++) {
		if (!(next = one_change(text, len, &nlen)))
			continue;
		free(text);
		text = next;
		len = nlen;
	}
	free(text);
	return 0;
}
