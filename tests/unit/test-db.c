/* test-db.c - the KB object (db.c): lookups by id and position, id
 * suggestions, back-links, fields by name, and streaming. */
#include "unit.h"
#include "kb-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* n records r0..r(n-1), one file */
static char *many(size_t n)
{
	size_t cap = n * 48 + 1, used = 0, i;
	char *y = malloc(cap);

	assert_non_null(y);
	y[0] = '\0';
	for (i = 0; i < n; i++)
		used += (size_t)snprintf(y + used, cap - used,
					 "- {id: r%zu, kind: k, n: '%zu'}\n", i, i);
	return y;
}

static void get_and_at(void **state)
{
	size_t n = 100000, i;
	char *y = many(n), id[32];
	struct kb *kb = kbm_ok("big.yaml", y, NULL);
	size_t probes;

	(void)state;
	assert_int_equal(kb_count(kb), n);
	for (i = 0; i < n; i += 997) {
		const struct kb_record *r = kb_at(kb, i);
		snprintf(id, sizeof(id), "r%zu", i);
		assert_string_equal(r->id, id);
		assert_int_equal(r->index, i);
		assert_ptr_equal(kb_get(kb, id), r);
	}
	assert_null(kb_at(kb, n));
	assert_null(kb_at(kb, (size_t)-1));
	assert_null(kb_get(kb, "r100000"));
	assert_null(kb_get(kb, "r"));
	assert_null(kb_get(kb, ""));
	/* O(1): a hundred thousand look-ups in a KB of 100,000 visit a few
	 * slots each on average (a linear scan would visit 50,000) */
	probes = kb_work.id_probes;
	for (i = 0; i < 100000; i++) {
		snprintf(id, sizeof(id), "r%zu", (i * 7919) % n);
		if (!kb_get(kb, id))
			fail_msg("'%s' not found", id);
	}
	probes = kb_work.id_probes - probes;
	if (probes > 4 * 100000)
		fail_msg("%zu slots visited for 100000 look-ups", probes);
	kb_free(kb);
	free(y);
}

static void get_is_exact(void **state)
{
	struct kb *kb = kbm_ok("a.yaml",
		"- {id: a, kind: k}\n- {id: A, kind: k}\n- {id: 'a ', kind: k}\n"
		"- {id: 'ærø', kind: k}\n- {id: '0710', kind: k}\n- {id: '', kind: k}\n",
		NULL);

	(void)state;
	assert_ptr_equal(kb_get(kb, "a"), kb_at(kb, 0));
	assert_ptr_equal(kb_get(kb, "A"), kb_at(kb, 1));
	assert_ptr_equal(kb_get(kb, "a "), kb_at(kb, 2));
	assert_ptr_equal(kb_get(kb, "ærø"), kb_at(kb, 3));
	assert_ptr_equal(kb_get(kb, "0710"), kb_at(kb, 4));
	assert_ptr_equal(kb_get(kb, ""), kb_at(kb, 5));
	assert_null(kb_get(kb, "710"));
	kb_free(kb);
}

static void suggest_id(void **state)
{
	struct kb *kb = kbm_ok("a.yaml",
		"- {id: china, kind: k}\n- {id: us, kind: k}\n"
		"- {id: lutnick, kind: k}\n- {id: lutnik-x, kind: k}\n"
		"- {id: geneva-2025-05, kind: k}\n", NULL);

	(void)state;
	assert_string_equal(kb_suggest_id(kb, "chna"), "china");
	assert_string_equal(kb_suggest_id(kb, "cihna"), "china");	/* swap */
	assert_string_equal(kb_suggest_id(kb, "Us"), "us");
	assert_string_equal(kb_suggest_id(kb, "lutnik"), "lutnick");
	assert_string_equal(kb_suggest_id(kb, "geneva-2025-5"), "geneva-2025-05");
	assert_null(kb_suggest_id(kb, "japan"));
	assert_null(kb_suggest_id(kb, "xyzzy-plugh"));
	kb_free(kb);
	/* none in an empty KB */
	kb = kbm_ok("a.yaml", "", NULL);
	assert_null(kb_suggest_id(kb, "x"));
	kb_free(kb);
}

struct links {
	char s[1024];
};

static void on_link(const struct kb_record *rec, const struct kb_field *f,
		    void *ud)
{
	struct links *l = ud;
	size_t used = strlen(l->s);

	snprintf(l->s + used, sizeof(l->s) - used, "%s%s.%s", used ? " " : "",
		 rec->id, f->name);
}

static const char *links(const struct kb *kb, const char *id)
{
	static struct links l;

	l.s[0] = '\0';
	kb_backlinks(kb, id, on_link, &l);
	return l.s;
}

static void backlinks(void **state)
{
	static const char recs[] =
		"- {id: cn, kind: actor, name: China, type: country}\n"
		"- {id: us, kind: actor, name: us, type: country, aliases: [cn]}\n"
		"- {id: m, kind: actor, name: M, type: government-body, country: cn,"
		" member_of: [us, cn, cn]}\n"
		"- {id: e, kind: event, name: E, date: 2025, actors: [m, us],"
		" about: [cn], outlet: us}\n";
	struct kb *kb = kbm_ok("schema.yaml", unit_schema, "r.yaml", recs, NULL);

	(void)state;
	/* ref fields only, in load order, once per field */
	assert_string_equal(links(kb, "cn"), "m.country m.member_of e.about");
	assert_string_equal(links(kb, "us"), "m.member_of e.actors e.outlet");
	assert_string_equal(links(kb, "m"), "e.actors");
	assert_string_equal(links(kb, "e"), "");
	assert_string_equal(links(kb, "nobody"), "");
	kb_free(kb);
	/* schema-less: any value but id and kind may be a link */
	kb = kbm_ok("r.yaml", recs, NULL);
	assert_string_equal(links(kb, "cn"),
			    "us.aliases m.country m.member_of e.about");
	assert_string_equal(links(kb, "us"),
			    "us.name m.member_of e.actors e.outlet");
	assert_string_equal(links(kb, "actor"), "");
	kb_free(kb);
}

static void record_field(void **state)
{
	struct kb *kb = kbm_ok("r.yaml", "id: a\nkind: k\nx: 1\ny: [2, 3]\n", NULL);
	const struct kb_record *r = kb_at(kb, 0);
	const struct kb_field *f;
	char name[] = "y";

	(void)state;
	assert_int_equal(r->nfields, 4);
	/* id and kind are fields too, in file order */
	assert_ptr_equal(kb_record_field(r, "id"), &r->fields[0]);
	assert_ptr_equal(kb_record_field(r, "kind"), &r->fields[1]);
	/* by interned pointer or by text */
	assert_ptr_equal(kb_record_field(r, kb_name(kb, "x")), &r->fields[2]);
	f = kb_record_field(r, name);
	assert_ptr_equal(f, &r->fields[3]);
	assert_int_equal(f->count, 2);
	assert_true(f->is_list);
	assert_string_equal(f->values[1].text, "3");
	assert_int_equal(f->values[1].len, 1);
	assert_null(kb_record_field(r, "z"));
	assert_null(kb_record_field(r, "Y"));
	assert_null(kb_record_field(r, ""));
	kb_free(kb);
}

struct seen {
	char ids[4096];
	size_t n, stop_after;
	struct kb *kb;
	const struct kb_record *kept;
};

static int on_rec(const struct kb_record *rec, void *ud)
{
	struct seen *s = ud;
	size_t used = strlen(s->ids);

	snprintf(s->ids + used, sizeof(s->ids) - used, "%s%s@%s:%u", used ? " " : "",
		 rec->id, rec->file, (unsigned)rec->line);
	if (s->kb && !strcmp(rec->id, "b"))
		s->kept = kb_keep(s->kb, rec);
	if (++s->n == s->stop_after)
		return 42;
	return 0;
}

static int stop_estruct(const struct kb_record *rec, void *ud)
{
	(void)rec;
	((struct seen *)ud)->n++;
	return KB_ESTRUCT;
}

static void streaming(void **state)
{
	static const struct kb_memfile files[] = {
		{ "kb/b.yaml", "- {id: c, kind: k}\n- {id: d, kind: k, x: [1, 2]}\n", 0 },
		{ "kb/a.yaml", "id: a\nkind: k\n---\nid: b\nkind: k\nname: B\n", 0 },
		{ "kb/schema.yaml", "kinds:\n  k: {}\n", 0 },
	};
	struct kb_memfile f[3];
	struct kb_open_opts o = { .stream = true };
	struct kb_error e;
	struct seen s;
	struct kb *kb;
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		f[i] = files[i];
		f[i].len = strlen(f[i].data);
	}
	assert_int_equal(kb_open_mem(&kb, f, 3, &o, &e), 0);
	/* the schema is read at once, the records only by kb_stream */
	assert_true(kb_has_schema(kb));
	assert_int_equal(kb_count(kb), 0);
	memset(&s, 0, sizeof(s));
	s.kb = kb;
	assert_int_equal(kb_stream(kb, on_rec, &s, &e), 0);
	assert_string_equal(s.ids, "a@kb/a.yaml:1 b@kb/a.yaml:4 c@kb/b.yaml:1 "
			    "d@kb/b.yaml:2");
	assert_int_equal(kb_count(kb), 0);
	assert_null(kb_get(kb, "a"));
	/* a kept record outlives its callback */
	assert_non_null(s.kept);
	assert_string_equal(s.kept->id, "b");
	assert_string_equal(kb_record_field(s.kept, "name")->values[0].text, "B");
	assert_string_equal(s.kept->file, "kb/a.yaml");
	kb_free(kb);

	/* a non-zero return stops and is returned */
	assert_int_equal(kb_open_mem(&kb, f, 3, &o, &e), 0);
	memset(&s, 0, sizeof(s));
	s.stop_after = 2;
	assert_int_equal(kb_stream(kb, on_rec, &s, &e), 42);
	assert_int_equal(s.n, 2);
	kb_free(kb);

	/* the callback's code is returned as it is, even one that looks like
	 * a loader's and with a syntax error further on */
	{
		struct kb_memfile g = { "g.yaml", "- {id: a, kind: k}\n- ]\n", 0 };
		struct kb *k2;
		g.len = strlen(g.data);
		assert_int_equal(kb_open_mem(&k2, &g, 1, &o, &e), 0);
		memset(&s, 0, sizeof(s));
		s.stop_after = 1;
		assert_int_equal(kb_stream(k2, stop_estruct, &s, &e), KB_ESTRUCT);
		assert_int_equal(s.n, 1);
		kb_free(k2);
	}

	/* kb_stream over a KB loaded whole: the same records in the same
	 * order, each decoded in turn; kb_keep gives the KB's own record */
	assert_int_equal(kb_open_mem(&kb, f, 3, NULL, &e), 0);
	memset(&s, 0, sizeof(s));
	s.kb = kb;
	assert_int_equal(kb_stream(kb, on_rec, &s, &e), 0);
	assert_string_equal(s.ids, "a@kb/a.yaml:1 b@kb/a.yaml:4 c@kb/b.yaml:1 "
			    "d@kb/b.yaml:2");
	assert_ptr_equal(s.kept, kb_get(kb, "b"));
	assert_string_equal(kb_record_field(s.kept, "name")->values[0].text, "B");
	memset(&s, 0, sizeof(s));
	s.stop_after = 3;
	assert_int_equal(kb_stream(kb, on_rec, &s, &e), 42);
	assert_string_equal(s.ids, "a@kb/a.yaml:1 b@kb/a.yaml:4 c@kb/b.yaml:1");
	kb_free(kb);
}

static void streaming_duplicate_id(void **state)
{
	struct kb_memfile f[2] = {
		{ "a.yaml", "- {id: x, kind: k}\n- {id: y, kind: k}\n", 0 },
		{ "b.yaml", "\n- {id: z, kind: k}\n- {id: x, kind: k}\n", 0 },
	};
	struct kb_open_opts o = { .stream = true };
	struct kb_error e;
	struct seen s;
	struct kb *kb;

	(void)state;
	f[0].len = strlen(f[0].data);
	f[1].len = strlen(f[1].data);
	assert_int_equal(kb_open_mem(&kb, f, 2, &o, &e), 0);
	memset(&s, 0, sizeof(s));
	assert_int_equal(kb_stream(kb, on_rec, &s, &e), KB_ESTRUCT);
	/* the records before it were handed over already */
	assert_string_equal(s.ids, "x@a.yaml:1 y@a.yaml:2 z@b.yaml:2");
	assert_error(&e, KB_ESTRUCT, "b.yaml", 3, 8,
		     "duplicate id 'x' (first defined at a.yaml:1:8)");
	kb_free(kb);
}

static void streaming_from_disk(void **state)
{
	char *dir = tmp_new(), path[4200];
	struct kb_open_opts o = { .stream = true };
	struct kb_error e;
	struct seen s;
	struct kb *kb;
	char *y = many(20000);

	(void)state;
	tmp_write(dir, "big.yaml", y);
	tmp_write(dir, "a.yaml", "id: first\nkind: k\n");
	assert_int_equal(kb_open(&kb, dir, &o, &e), 0);
	memset(&s, 0, sizeof(s));
	s.stop_after = 3;
	assert_int_equal(kb_stream(kb, on_rec, &s, &e), 42);
	snprintf(path, sizeof(path), "first@%s/a.yaml:1 r0@%s/big.yaml:1 "
		 "r1@%s/big.yaml:2", dir, dir, dir);
	assert_string_equal(s.ids, path);
	kb_free(kb);
	/* all of it, and the same single file as a KB */
	assert_int_equal(kb_open(&kb, dir, &o, &e), 0);
	memset(&s, 0, sizeof(s));
	s.stop_after = (size_t)-1;
	s.ids[0] = '\0';
	assert_int_equal(kb_stream(kb, on_rec, &s, &e), 0);
	assert_int_equal(s.n, 20001);
	kb_free(kb);
	snprintf(path, sizeof(path), "%s/big.yaml", dir);
	assert_int_equal(kb_open(&kb, path, &o, &e), 0);
	memset(&s, 0, sizeof(s));
	assert_int_equal(kb_stream(kb, on_rec, &s, &e), 0);
	assert_int_equal(s.n, 20000);
	kb_free(kb);
	free(y);
	tmp_free(dir);
}

static void free_null(void **state)
{
	(void)state;
	kb_free(NULL);
}

/* kb_open_mem with opts.display: the root is display, so a schema.yaml in
 * the one subdirectory that holds every file is records, not the schema
 * (without display, the common prefix would make it the root's); a name
 * outside the root is refused. */
static void mem_root_from_display(void **state)
{
	static const struct kb_memfile files[] = {
		{ "R:kb/sub/a.yaml", "- {id: a, kind: k}\n", 19 },
		{ "R:kb/sub/schema.yaml", "- {id: s, kind: k}\n", 19 },
	};
	static const struct kb_memfile outside[] = {
		{ "R:kb/a.yaml", "- {id: a, kind: k}\n", 19 },
		{ "R:other/b.yaml", "- {id: b, kind: k}\n", 19 },
	};
	struct kb_open_opts o = { .display = "R:kb/" };
	struct kb_error err;
	struct kb *kb = NULL;

	(void)state;
	assert_int_equal(kb_open_mem(&kb, files, 2, &o, &err), 0);
	assert_false(kb_has_schema(kb));
	assert_int_equal(kb_count(kb), 2);
	assert_string_equal(kb_get(kb, "s")->file, "R:kb/sub/schema.yaml");
	kb_free(kb);
	/* without display: the common prefix R:kb/sub/ is the root */
	assert_int_equal(kb_open_mem(&kb, files, 2, NULL, &err), KB_ESCHEMA);
	assert_null(kb);
	kb_error_free(&err);
	assert_int_equal(kb_open_mem(&kb, outside, 2, &o, &err), KB_EUSAGE);
	assert_null(kb);
	assert_string_equal(err.file, "R:other/b.yaml");
	kb_error_free(&err);
}

/* kb_open_opts.fetch: the bytes of a file given without data are asked
 * for just before it is read, whole at opening, streamed at each
 * kb_stream(); a fetch that fails fails the opening or the reading. */
struct fetched {
	int calls[3];
	const char *fail;	/* the file whose fetch fails */
};

static int fetch_one(const struct kb_memfile *f, const char **data,
		     size_t *len, void *ud, struct kb_error *err)
{
	static const char *const text[] = {
		"- {id: a, kind: k}\n", "- {id: b, kind: k}\n",
		"kinds: {k: {fields: {}}}\n",
	};
	struct fetched *fe = ud;
	size_t i = f->name[0] == 'a' ? 0 : f->name[0] == 'b' ? 1 : 2;

	fe->calls[i]++;
	if (fe->fail && !strcmp(f->name, fe->fail))
		return kb_err(err, KB_EIO, f->name, 0, 0, "no bytes");
	*data = text[i];
	*len = strlen(text[i]);
	return 0;
}

static int count_rec(const struct kb_record *rec, void *ud)
{
	(void)rec;
	++*(size_t *)ud;
	return 0;
}

static void mem_fetch(void **state)
{
	static const struct kb_memfile files[] = {
		{ "b.yaml", NULL, 0 }, { "schema.yaml", NULL, 0 },
		{ "a.yaml", NULL, 0 },
	};
	struct fetched fe;
	struct kb_open_opts o = { .fetch = fetch_one, .fetch_ud = &fe };
	struct kb_error err;
	struct kb *kb = NULL;
	size_t n = 0;

	(void)state;
	memset(&fe, 0, sizeof(fe));
	assert_int_equal(kb_open_mem(&kb, files, 3, &o, &err), 0);
	assert_true(kb_has_schema(kb));
	assert_int_equal(kb_count(kb), 2);
	assert_string_equal(kb_at(kb, 0)->id, "a");
	assert_int_equal(fe.calls[0], 1);
	assert_int_equal(fe.calls[1], 1);
	assert_int_equal(fe.calls[2], 1);
	kb_free(kb);
	/* streamed: the schema now, the records at each reading */
	memset(&fe, 0, sizeof(fe));
	o.stream = true;
	assert_int_equal(kb_open_mem(&kb, files, 3, &o, &err), 0);
	assert_int_equal(fe.calls[0] + fe.calls[1], 0);
	assert_int_equal(kb_stream(kb, count_rec, &n, &err), 0);
	assert_int_equal(kb_stream(kb, count_rec, &n, &err), 0);
	assert_int_equal(n, 4);
	assert_int_equal(fe.calls[0], 2);
	assert_int_equal(fe.calls[2], 1);
	fe.fail = "b.yaml";
	assert_int_equal(kb_stream(kb, count_rec, &n, &err), KB_EIO);
	assert_string_equal(err.file, "b.yaml");
	kb_error_free(&err);
	kb_free(kb);
	o.stream = false;
	assert_int_equal(kb_open_mem(&kb, files, 3, &o, &err), KB_EIO);
	assert_null(kb);
	kb_error_free(&err);
	fe.fail = "schema.yaml";
	assert_int_equal(kb_open_mem(&kb, files, 3, &o, &err), KB_EIO);
	assert_string_equal(err.message, "no bytes");
	kb_error_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(get_and_at),
		cmocka_unit_test(get_is_exact),
		cmocka_unit_test(suggest_id),
		cmocka_unit_test(backlinks),
		cmocka_unit_test(record_field),
		cmocka_unit_test(streaming),
		cmocka_unit_test(streaming_duplicate_id),
		cmocka_unit_test(streaming_from_disk),
		cmocka_unit_test(free_null),
		cmocka_unit_test(mem_root_from_display),
		cmocka_unit_test(mem_fetch),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
