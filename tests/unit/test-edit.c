/*
 * test-edit.c - changes (edit.c) on KBs in memory: the bytes a change
 * writes, exactly; values that readers would mistype, quoted, and read back
 * the same; lists changed element by element; the large-file path (a file
 * read in parts) giving the bytes the whole-file path gives; refusals.
 */
#include "unit.h"
#include "kb-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char schema[] =
	"common:\n"
	"  name: {type: string, required: true}\n"
	"  notes: {type: text}\n"
	"  tags: {type: string, list: true}\n"
	"kinds:\n"
	"  thing:\n"
	"    fields:\n"
	"      status: {type: enum, values: [new, old, lifted]}\n"
	"      date: {type: date}\n"
	"      count: {type: int}\n"
	"      other: {type: ref}\n"
	"      refs: {type: ref, list: true}\n";

/* The new bytes of file `name` after the change (NULL: not changed). */
static char *new_bytes(const struct kb_edit *ed, const char *name,
		       const char *old)
{
	size_t i, k, len = 0, pos = 0, cap;
	char *out;

	for (i = 0; i < kb_edit_nfiles(ed); i++) {
		const struct kb_edit_file *f = kb_edit_file_at(ed, i);

		if (strcmp(f->shown, name))
			continue;
		cap = (size_t)f->size + 1;
		for (k = 0; k < f->nsplices; k++)
			cap += f->splices[k].tlen;
		out = malloc(cap);
		assert_non_null(out);
		for (k = 0; k < f->nsplices; k++) {
			const struct kb_splice *s = &f->splices[k];

			assert_true(s->off >= pos);
			memcpy(out + len, old + pos, (size_t)s->off - pos);
			len += (size_t)s->off - pos;
			memcpy(out + len, s->text, s->tlen);
			len += s->tlen;
			pos = (size_t)(s->off + s->len);
		}
		memcpy(out + len, old + pos, (size_t)f->size - pos);
		len += (size_t)f->size - pos;
		out[len] = '\0';
		return out;
	}
	return NULL;
}

static char problems_text[4096];

static void on_problem(const struct kb_diag *d, void *ud)
{
	size_t n = strlen(problems_text);

	(void)ud;
	snprintf(problems_text + n, sizeof(problems_text) - n, "%s%u:%u: %s",
		 n ? "\n" : "", d->line, d->col, d->message);
}

enum req { SET, ADD, RM, MV };

/*
 * Run one request on the KB of schema + "kb/r.yaml" = text, words split
 * at spaces ('_' stands for a space in a value): the new text of
 * kb/r.yaml, "UNCHANGED", "ERROR: message" or "PROBLEMS: line:col: ...".
 * The new text is read back by the loader (it must load).
 */
static const char *run(const char *text, enum req req, const char *arg,
		       const char *words, size_t *parts)
{
	static char result[1 << 20];
	struct kb_memfile files[2] = { { "kb/schema.yaml", schema, sizeof(schema) - 1 },
				       { "kb/r.yaml", text, strlen(text) } };
	struct kb_assign a[16];
	char buf[4096], *w, *save = NULL, *out;
	struct kb *kb, *again;
	struct kb_edit *ed;
	struct kb_error e;
	size_t n = 0, np;
	int rc;

	assert_int_equal(kb_open_mem(&kb, files, 2, NULL, &e), 0);
	assert_int_equal(kb_edit_new(&ed, kb, &e), 0);
	/* rm and mv take no assignments */
	snprintf(buf, sizeof(buf), "%s", words && req <= ADD ? words : "");
	for (w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(w, '='), *p;

		for (p = w; *p; p++)
			if (*p == '_')
				*p = ' ';
		*eq = '\0';
		a[n].op = KB_ASSIGN_SET;
		if (eq > w && (eq[-1] == '+' || eq[-1] == '-')) {
			a[n].op = eq[-1] == '+' ? KB_ASSIGN_APPEND : KB_ASSIGN_REMOVE;
			eq[-1] = '\0';
		}
		a[n].field = w;
		a[n].value = eq[1] ? eq + 1 : NULL;
		a[n].word = (int)n;
		n++;
	}
	switch (req) {
	case SET: rc = kb_edit_set(ed, arg, a, n, &e); break;
	case ADD: rc = kb_edit_add(ed, arg, a, n, NULL, &e); break;
	case RM: rc = kb_edit_rm(ed, arg, words && !strcmp(words, "force=1"), &e); break;
	default: rc = kb_edit_mv(ed, arg, words, &e); break;
	}
	problems_text[0] = '\0';
	if (!rc)
		rc = kb_edit_prepare(ed, on_problem, NULL, &np, &e);
	if (rc) {
		snprintf(result, sizeof(result), "ERROR: %s", e.message);
		kb_error_free(&e);
	}
	else if (np)
		snprintf(result, sizeof(result), "PROBLEMS: %s", problems_text);
	else if (!(out = new_bytes(ed, "kb/r.yaml", text)))
		snprintf(result, sizeof(result), "UNCHANGED");
	else {
		snprintf(result, sizeof(result), "%s", out);
		files[1].data = out;
		files[1].len = strlen(out);
		if (kb_open_mem(&again, files, 2, NULL, &e))
			fail_msg("the change does not load: %u:%u: %s\n%s", e.line,
				 e.col, e.message, out);
		kb_free(again);
		free(out);
	}
	if (parts)
		*parts = kb_edit_parts(ed);
	kb_edit_free(ed);
	kb_free(kb);
	return result;
}

#define SET(text, id, words) run((text), SET, (id), (words), NULL)

static const char one[] =
	"- id: a\n"
	"  kind: thing\n"
	"  name: A\n";

/* The value written for name=v, as the line "  name: ...". */
static const char *written(const char *v)
{
	static char line[512];
	struct kb_memfile files[2] = { { "kb/schema.yaml", schema, sizeof(schema) - 1 },
				       { "kb/r.yaml", one, sizeof(one) - 1 } };
	struct kb_assign a = { "name", KB_ASSIGN_SET, v, 0 };
	const struct kb_edit_file *f;
	struct kb *kb, *again;
	struct kb_edit *ed;
	struct kb_error e;
	char *out;
	size_t np;

	assert_int_equal(kb_open_mem(&kb, files, 2, NULL, &e), 0);
	assert_int_equal(kb_edit_new(&ed, kb, &e), 0);
	assert_int_equal(kb_edit_set(ed, "a", &a, 1, &e), 0);
	assert_int_equal(kb_edit_prepare(ed, NULL, NULL, &np, &e), 0);
	f = kb_edit_file_at(ed, 0);
	assert_non_null(f);
	out = new_bytes(ed, "kb/r.yaml", one);
	snprintf(line, sizeof(line), "%s", strstr(out, "  name: "));
	/* and the loader reads back the very text */
	files[1].data = out;
	files[1].len = strlen(out);
	assert_int_equal(kb_open_mem(&again, files, 2, NULL, &e), 0);
	assert_string_equal(kb_get(again, "a")->fields[2].values[0].text, v);
	kb_free(again);
	free(out);
	kb_edit_free(ed);
	kb_free(kb);
	return line;
}

static void quoting(void **state)
{
	(void)state;
	assert_string_equal(written("Plain text"), "  name: Plain text\n");
	assert_string_equal(written("yes"), "  name: \"yes\"\n");
	assert_string_equal(written("No"), "  name: \"No\"\n");
	assert_string_equal(written("0710"), "  name: \"0710\"\n");
	assert_string_equal(written("2025-06-09"), "  name: \"2025-06-09\"\n");
	assert_string_equal(written("1:20"), "  name: \"1:20\"\n");
	assert_string_equal(written("~"), "  name: \"~\"\n");
	assert_string_equal(written("a: b"), "  name: \"a: b\"\n");
	assert_string_equal(written("a #b"), "  name: \"a #b\"\n");
	assert_string_equal(written("a#b"), "  name: a#b\n");
	assert_string_equal(written("# c"), "  name: \"# c\"\n");
	assert_string_equal(written(" lead"), "  name: \" lead\"\n");
	assert_string_equal(written("trail "), "  name: \"trail \"\n");
	assert_string_equal(written("say \"hi\""), "  name: say \"hi\"\n");
	assert_string_equal(written("\"q\""), "  name: \"\\\"q\\\"\"\n");
	assert_string_equal(written("'q'"), "  name: \"'q'\"\n");
	assert_string_equal(written("back\\slash"), "  name: back\\slash\n");
	assert_string_equal(written("\\x"), "  name: \"\\\\x\"\n");
	assert_string_equal(written("tab\there"), "  name: \"tab\\there\"\n");
	assert_string_equal(written("bell\x07"), "  name: \"bell\\x07\"\n");
	assert_string_equal(written("del\x7f"), "  name: \"del\\x7F\"\n");
	assert_string_equal(written("\xC3\xA9t\xC3\xA9"), "  name: \xC3\xA9t\xC3\xA9\n");
	/* C1 (NEL), line separator, BOM, bidi: escaped */
	assert_string_equal(written("a\xC2\x85" "b"), "  name: \"a\\u0085b\"\n");
	assert_string_equal(written("a\xE2\x80\xA8" "b"), "  name: \"a\\u2028b\"\n");
	assert_string_equal(written("a\xEF\xBB\xBF"), "  name: \"a\\uFEFF\"\n");
	assert_string_equal(written("ab\xE2\x80\xAE" "c"), "  name: \"ab\\u202Ec\"\n");
	assert_string_equal(written("- x"), "  name: \"- x\"\n");
	assert_string_equal(written("[x]"), "  name: \"[x]\"\n");
	assert_string_equal(written("a, b"), "  name: a, b\n");
}

static void typed_values(void **state)
{
	(void)state;
	/* a valid date or int plain, as people write them */
	assert_string_equal(SET(one, "a", "date=2025-06 count=-12"),
			    "- id: a\n  kind: thing\n  name: A\n  date: 2025-06\n"
			    "  count: -12\n");
	/* an int a YAML 1.1 reader would read as octal is quoted */
	assert_string_equal(SET(one, "a", "count=0710"),
			    "- id: a\n  kind: thing\n  name: A\n  count: \"0710\"\n");
	assert_string_equal(SET(one, "a", "date=2025-02-30"),
			    "PROBLEMS: 4:9: bad date '2025-02-30' in field 'date': "
			    "not a date (YYYY, YYYY-MM or YYYY-MM-DD, a day that exists)");
}

static void text_blocks(void **state)
{
	static const char rec[] =
		"- id: a\n"
		"  kind: thing\n"
		"  name: A\n"
		"  notes: >\n"
		"      folded\n"
		"      text\n"
		"  tags: [x]\n";

	(void)state;
	/* text of several lines: a literal block, indented like the block
	 * scalar it replaces */
	assert_string_equal(SET(rec, "a", "notes=one\ntwo\n"),
			    "- id: a\n  kind: thing\n  name: A\n  notes: |\n"
			    "      one\n      two\n  tags: [x]\n");
	/* where no literal block holds it: double-quoted */
	assert_string_equal(SET(rec, "a", "notes=__lead\nx"),
			    "- id: a\n  kind: thing\n  name: A\n"
			    "  notes: \"  lead\\nx\"\n  tags: [x]\n");
	assert_string_equal(SET(rec, "a", "notes=a\n\n\n"),
			    "- id: a\n  kind: thing\n  name: A\n"
			    "  notes: \"a\\n\\n\\n\"\n  tags: [x]\n");
	assert_string_equal(SET(rec, "a", "notes=a\rb\nc"),
			    "- id: a\n  kind: thing\n  name: A\n"
			    "  notes: \"a\\rb\\nc\"\n  tags: [x]\n");
	/* a new field of text: two spaces in */
	assert_string_equal(SET(one, "a", "notes=x\ny"),
			    "- id: a\n  kind: thing\n  name: A\n  notes: |-\n"
			    "    x\n    y\n");
	/* at the end of a file without a final newline, "|" would lose the
	 * text's last line break */
	assert_string_equal(SET("id: a\nkind: thing\nname: A", "a", "notes=x\ny\n"),
			    "id: a\nkind: thing\nname: A\nnotes: \"x\\ny\\n\"");
	assert_string_equal(SET("id: a\nkind: thing\nname: A", "a", "notes=x\ny"),
			    "id: a\nkind: thing\nname: A\nnotes: |-\n  x\n  y");
}

static void lists(void **state)
{
	static const char rec[] =
		"- id: a\n"
		"  kind: thing\n"
		"  name: A\n"
		"  tags:\n"
		"    - p   # first\n"
		"    - q\n"
		"    - r\n"
		"  refs: [ a,  a ]\n";

	(void)state;
	/* the elements kept stay as they are, comments too */
	assert_string_equal(SET(rec, "a", "tags=p tags=x tags=r"),
			    "- id: a\n  kind: thing\n  name: A\n  tags:\n"
			    "    - p   # first\n    - x\n    - r\n  refs: [ a,  a ]\n");
	assert_string_equal(SET(rec, "a", "tags=z tags=q"),
			    "- id: a\n  kind: thing\n  name: A\n  tags:\n"
			    "    - z\n    - q\n  refs: [ a,  a ]\n");
	assert_string_equal(SET(rec, "a", "tags-=q tags+=s tags+=yes"),
			    "- id: a\n  kind: thing\n  name: A\n  tags:\n"
			    "    - p   # first\n    - r\n    - s\n    - \"yes\"\n"
			    "  refs: [ a,  a ]\n");
	/* a flow list keeps its brackets and separators */
	assert_string_equal(SET(rec, "a", "refs+=a"),
			    "- id: a\n  kind: thing\n  name: A\n  tags:\n"
			    "    - p   # first\n    - q\n    - r\n  refs: [ a,  a,  a ]\n");
	/* -= removes every element equal to the value: none left, no field */
	assert_string_equal(SET(rec, "a", "refs-=a"),
			    "- id: a\n  kind: thing\n  name: A\n  tags:\n"
			    "    - p   # first\n    - q\n    - r\n");
	assert_string_equal(SET(rec, "a", "tags-=nothing"), "UNCHANGED");
	/* a scalar where a list is declared stays a scalar for one value */
	assert_string_equal(SET("id: a\nkind: thing\nname: A\ntags: x\n", "a", "tags=w"),
			    "id: a\nkind: thing\nname: A\ntags: w\n");
	assert_string_equal(SET("id: a\nkind: thing\nname: A\ntags: x\n", "a", "tags+=w"),
			    "id: a\nkind: thing\nname: A\ntags: [x, w]\n");
	/* a value where the file has no list to follow: [] when short */
	assert_string_equal(SET(one, "a", "tags=x"),
			    "- id: a\n  kind: thing\n  name: A\n  tags: [x]\n");
	assert_string_equal(SET("- id: a\n  kind: thing\n  name: A\n  tags:\n", "a",
				"tags=x tags=w"),
			    "- id: a\n  kind: thing\n  name: A\n  tags: [x, w]\n");
}

static void refusals(void **state)
{
	static const char anchored[] =
		"- &r\n  id: a\n  kind: thing\n  name: &n A\n  status: new\n"
		"- <<: *r\n  id: b\n  name: B\n"
		"- id: c\n  kind: thing\n  name: *n\n";

	(void)state;
	assert_string_equal(SET(anchored, "b", "status=old"),
			    "ERROR: field 'status' of 'b' comes from a merge key "
			    "('<<'): edit it here, where every record that merges "
			    "it changes too");
	assert_string_equal(SET(anchored, "c", "name=C"),
			    "ERROR: field 'name' of 'c' comes from an alias: edit "
			    "it here, where every record that aliases it changes "
			    "too");
	assert_string_equal(SET(anchored, "b", "name=Bee"),
			    "- &r\n  id: a\n  kind: thing\n  name: &n A\n  status: new\n"
			    "- <<: *r\n  id: b\n  name: Bee\n"
			    "- id: c\n  kind: thing\n  name: *n\n");
	assert_string_equal(run(anchored, RM, "a", "force=1", NULL),
			    "ERROR: the change would remove anchor '&r', used by 1 "
			    "alias: edit the file by hand");
	assert_string_equal(SET(one, "a", "status=gone"),
			    "PROBLEMS: 4:11: 'gone' is not a valid 'status' (one of: "
			    "new, old, lifted)");
	assert_string_equal(SET(one, "a", "other=nowhere"),
			    "PROBLEMS: 4:10: dangling ref 'nowhere' in field 'other'");
	assert_string_equal(SET(one, "a", "name=x\xC3"), "ERROR: the value of "
			    "'name' is not UTF-8 text");
	assert_string_equal(run(one, MV, "a", "b", NULL),
			    "- id: b\n  kind: thing\n  name: A\n");
	assert_string_equal(run(one, ADD, "thing", "id=a name=x", NULL),
			    "ERROR: id 'a' is taken (by the record at kb/r.yaml:1:3)");
}

/* ---- a large file: read in parts ---------------------------------------------- */

/* n records, the one numbered `anchor` (if any) holding an anchor. */
static char *big(size_t n, size_t anchor)
{
	size_t cap = n * 128 + 64, len = 0, i;
	char *s = malloc(cap);

	assert_non_null(s);
	len += (size_t)snprintf(s + len, cap - len, "# a large file\n\n");
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(s + len, cap - len,
					"- id: r%zu\n  kind: thing\n  name: %sRecord %zu\n"
					"  other: r%zu\n  tags: [t]\n\n",
					i, i == anchor ? "&n " : "", i, i / 2);
	return s;
}

/* text with the first `from` after `after` replaced by `to` */
static char *replaced(const char *text, const char *after, const char *from,
		      const char *to)
{
	const char *at = strstr(strstr(text, after), from);
	char *s = malloc(strlen(text) + strlen(to) + 1);

	assert_non_null(s);
	memcpy(s, text, (size_t)(at - text));
	strcpy(s + (at - text), to);
	strcat(s, at + strlen(from));
	return s;
}

static void parts(void **state)
{
	char *text = big(4000, (size_t)-1), *want;
	size_t np;

	(void)state;
	assert_true(strlen(text) > ((size_t)256 << 10));
	/* a value in the middle: one part read, the bytes of the whole */
	want = replaced(text, "- id: r2001\n", "name: Record 2001", "name: Changed");
	assert_string_equal(run(text, SET, "r2001", "name=Changed", &np), want);
	assert_int_equal(np, 1);
	free(want);
	/* a new field in the first record and the last */
	want = replaced(text, "- id: r0\n", "tags: [t]\n", "tags: [t]\n  count: 1\n");
	assert_string_equal(run(text, SET, "r0", "count=1", &np), want);
	assert_int_equal(np, 1);
	free(want);
	want = replaced(text, "- id: r3999\n", "tags: [t]\n", "tags: [t, u]\n");
	assert_string_equal(run(text, SET, "r3999", "tags+=u", &np), want);
	assert_int_equal(np, 1);
	free(want);
	/* rm of the last record: the blank line before it goes too */
	want = replaced(text, "  tags: [t]\n\n- id: r3999\n", "\n- id: r3999\n  kind: "
			"thing\n  name: Record 3999\n  other: r1999\n  tags: [t]\n\n", "");
	assert_string_equal(run(text, RM, "r3999", NULL, &np), want);
	assert_int_equal(np, 1);
	free(want);
	/* add after the last record, a blank line between as between the others */
	want = malloc(strlen(text) + 64);
	strcpy(want, text);
	want[strlen(want) - 1] = '\0';
	strcat(want, "\n- id: new\n  kind: thing\n  name: New\n\n");
	assert_string_equal(run(text, ADD, "thing", "id=new name=New", &np), want);
	assert_int_equal(np, 1);
	free(want);
	/* mv: the record and the two that refer to it, three parts (two
	 * joined: r1000 and r1001 are neighbours) */
	want = replaced(text, "- id: r1001\n", "other: r500", "other: z");
	{
		char *w2 = replaced(want, "- id: r1000\n", "other: r500", "other: z");
		char *w3 = replaced(w2, "\n- id: r500\n", "id: r500", "id: z");

		assert_string_equal(run(text, MV, "r500", "z", &np), w3);
		assert_int_equal(np, 2);
		free(w2);
		free(w3);
	}
	free(want);
	/* every record refers to r0: a rename changes them all, in parts
	 * that meet and join */
	{
		char *all = malloc(strlen(text) + 1), *p, *q;

		assert_non_null(all);
		for (p = text, q = all; *p;)
			if (!strncmp(p, "other: r", 8)) {
				q += sprintf(q, "other: r0");
				for (p += 8; *p >= '0' && *p <= '9'; p++)
					;
			} else {
				*q++ = *p++;
			}
		*q = '\0';
		want = malloc(strlen(all) + 1);
		assert_non_null(want);
		for (p = all, q = want; *p;)
			if (!strncmp(p, " r0\n", 4)) {
				q += sprintf(q, " z\n");
				p += 4;
			} else {
				*q++ = *p++;
			}
		*q = '\0';
		assert_string_equal(run(all, MV, "r0", "z", &np), want);
		assert_true(np >= 1);
		free(want);
		free(all);
	}
	free(text);
	/* a part that holds an anchor does not stand on its own: the file is
	 * read whole, with the same result */
	text = big(4000, 2001);
	want = replaced(text, "- id: r2001\n", "tags: [t]", "tags: [t, u]");
	assert_string_equal(run(text, SET, "r2001", "tags+=u", &np), want);
	assert_int_equal(np, 0);
	free(want);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quoting),
		cmocka_unit_test(typed_values),
		cmocka_unit_test(text_blocks),
		cmocka_unit_test(lists),
		cmocka_unit_test(refusals),
		cmocka_unit_test(parts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
