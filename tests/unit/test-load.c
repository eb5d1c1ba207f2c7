/*
 * test-load.c - the loader (load.c, and the file walk of db.c) through
 * kb_open() and kb_open_mem(): every rule of SPEC section 1 about files,
 * documents, records and scalars, and every structural error with its
 * position and message.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/*
 * A record as one line: "field=value" in file order, a list as [a,b].
 * Shows at once the fields' order, their values and is_list.
 */
static const char *dump(const struct kb_record *r)
{
	static char buf[8192];
	size_t used = 0;
	uint32_t i, j;

	buf[0] = '\0';
	for (i = 0; i < r->nfields; i++) {
		const struct kb_field *f = &r->fields[i];
		used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s=%s",
					 i ? " " : "", f->name, f->is_list ? "[" : "");
		for (j = 0; j < f->count; j++)
			used += (size_t)snprintf(buf + used, sizeof(buf) - used,
						 "%s%s", j ? "," : "",
						 f->values[j].text);
		if (f->is_list)
			used += (size_t)snprintf(buf + used, sizeof(buf) - used, "]");
	}
	return buf;
}

/* The records of a KB, one dump a line. */
static const char *dump_kb(const struct kb *kb)
{
	static char buf[16384];
	size_t used = 0, i;

	buf[0] = '\0';
	for (i = 0; i < kb_count(kb); i++)
		used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s",
					 i ? "\n" : "", dump(kb_at(kb, i)));
	return buf;
}

/* Load one file and return its records' dump, failing on error. */
static const char *load_dump(const char *text)
{
	static char buf[16384];
	struct kb *kb = kbm_ok("t.yaml", text, NULL);

	snprintf(buf, sizeof(buf), "%s", dump_kb(kb));
	kb_free(kb);
	return buf;
}

/* ---- files -------------------------------------------------------------- */

static void file_order_and_names(void **state)
{
	char *dir = tmp_new(), path[4200];
	struct kb_error e;
	struct kb *kb;
	size_t i;
	static const char *const want[] = {
		"a-b.yaml", "a.yaml", "a/x.yaml", "a/y/z.yml", "b.yml",
		"sub/schema.yaml",
	};

	(void)state;
	/* written in an order unlike the byte-wise one */
	tmp_write(dir, "sub/schema.yaml", "id: sub-schema\nkind: k\n");
	tmp_write(dir, "b.yml", "id: b\nkind: k\n");
	tmp_write(dir, "a/y/z.yml", "id: a-y-z\nkind: k\n");
	tmp_write(dir, "a/x.yaml", "id: a-x\nkind: k\n");
	tmp_write(dir, "a.yaml", "id: a\nkind: k\n");
	tmp_write(dir, "a-b.yaml", "id: a-b\nkind: k\n");
	/* not records: dot names, other extensions, the root schema */
	tmp_write(dir, ".hidden.yaml", "this is: [not read\n");
	tmp_write(dir, ".git/x.yaml", "this is: [not read\n");
	tmp_write(dir, "a/.x.yaml", "this is: [not read\n");
	tmp_write(dir, "notes.txt", "this is: [not read\n");
	tmp_write(dir, "c.yaml~", "this is: [not read\n");
	tmp_write(dir, "d.json", "{");
	tmp_write(dir, "schema.yaml", "kinds:\n  k:\n    plural: ks\n");
	assert_int_equal(kb_open(&kb, dir, NULL, &e), 0);
	assert_int_equal(kb_count(kb), 6);
	for (i = 0; i < 6; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, want[i]);
		assert_string_equal(kb_at(kb, i)->file, path);
		assert_int_equal(kb_at(kb, i)->index, i);
	}
	assert_true(kb_has_schema(kb));
	snprintf(path, sizeof(path), "%s/schema.yaml", dir);
	assert_string_equal(kb_schema_file(kb), path);
	kb_free(kb);

	/* display replaces the KB path in the names shown */
	{
		struct kb_open_opts o = { .display = "kb/" };
		assert_int_equal(kb_open(&kb, dir, &o, &e), 0);
		assert_string_equal(kb_at(kb, 0)->file, "kb/a-b.yaml");
		assert_string_equal(kb_at(kb, 5)->file, "kb/sub/schema.yaml");
		assert_string_equal(kb_schema_file(kb), "kb/schema.yaml");
		kb_free(kb);
	}
	/* a trailing slash on the KB path is not doubled */
	snprintf(path, sizeof(path), "%s/", dir);
	assert_int_equal(kb_open(&kb, path, NULL, &e), 0);
	snprintf(path, sizeof(path), "%s/a-b.yaml", dir);
	assert_string_equal(kb_at(kb, 0)->file, path);
	kb_free(kb);
	tmp_free(dir);
}

static void symlinked_dirs_read_once(void **state)
{
	char *dir = tmp_new(), path[4200], target[4200];
	struct kb_error e;
	struct kb *kb;

	(void)state;
	tmp_write(dir, "real/r.yaml", "id: r\nkind: k\n");
	snprintf(target, sizeof(target), "%s/real", dir);
	snprintf(path, sizeof(path), "%s/link", dir);
	assert_int_equal(symlink(target, path), 0);
	/* a loop back to the root */
	snprintf(path, sizeof(path), "%s/real/loop", dir);
	assert_int_equal(symlink(dir, path), 0);
	assert_int_equal(kb_open(&kb, dir, NULL, &e), 0);
	/* link/ and real/ are the same directory: read once, r once */
	assert_int_equal(kb_count(kb), 1);
	kb_free(kb);
	tmp_free(dir);
}

static void symlinked_file_followed(void **state)
{
	char *dir = tmp_new(), path[4200], target[4200];
	struct kb_error e;
	struct kb *kb;

	(void)state;
	tmp_write(dir, "elsewhere/r.txt", "id: r\nkind: k\n");
	tmp_write(dir, "kb/a.yaml", "id: a\nkind: k\n");
	snprintf(target, sizeof(target), "%s/elsewhere/r.txt", dir);
	snprintf(path, sizeof(path), "%s/kb/r.yaml", dir);
	assert_int_equal(symlink(target, path), 0);
	snprintf(path, sizeof(path), "%s/kb", dir);
	assert_int_equal(kb_open(&kb, path, NULL, &e), 0);
	assert_string_equal(dump_kb(kb), "id=a kind=k\nid=r kind=k");
	kb_free(kb);
	tmp_free(dir);
}

static void single_file_is_a_kb(void **state)
{
	char *dir = tmp_new(), path[4200];
	struct kb_open_opts o = { .display = "shown.yaml" };
	struct kb_error e;
	struct kb *kb;

	(void)state;
	/* even one called schema.yaml: given as the KB, it holds records */
	tmp_write(dir, "schema.yaml", "- id: a\n  kind: k\n- id: b\n  kind: k\n");
	snprintf(path, sizeof(path), "%s/schema.yaml", dir);
	assert_int_equal(kb_open(&kb, path, NULL, &e), 0);
	assert_int_equal(kb_count(kb), 2);
	assert_string_equal(kb_at(kb, 1)->file, path);
	assert_false(kb_has_schema(kb));
	kb_free(kb);
	assert_int_equal(kb_open(&kb, path, &o, &e), 0);
	assert_string_equal(kb_at(kb, 0)->file, "shown.yaml");
	kb_free(kb);
	tmp_free(dir);
}

static void schema_option_wins(void **state)
{
	char *dir = tmp_new(), path[4200], sch[4200];
	struct kb_open_opts o = { 0 };
	struct kb_error e;
	struct kb *kb;

	(void)state;
	tmp_write(dir, "kb/schema.yaml", "kinds:\n  a: {}\n");
	tmp_write(dir, "kb/r.yaml", "id: r\nkind: k\n");
	tmp_write(dir, "other.yaml", "kinds:\n  b: {}\n");
	snprintf(path, sizeof(path), "%s/kb", dir);
	snprintf(sch, sizeof(sch), "%s/other.yaml", dir);
	o.schema = sch;
	assert_int_equal(kb_open(&kb, path, &o, &e), 0);
	assert_non_null(kb_kind_find(kb, "b"));
	assert_null(kb_kind_find(kb, "a"));
	assert_string_equal(kb_schema_file(kb), sch);
	kb_free(kb);
	/* and for a KB that is a single file */
	snprintf(path, sizeof(path), "%s/kb/r.yaml", dir);
	assert_int_equal(kb_open(&kb, path, &o, &e), 0);
	assert_non_null(kb_kind_find(kb, "b"));
	assert_int_equal(kb_count(kb), 1);
	kb_free(kb);
	tmp_free(dir);
}

static void missing_path(void **state)
{
	struct kb_error e;
	struct kb *kb = (struct kb *)&e;

	(void)state;
	assert_int_equal(kb_open(&kb, "/nonexistent/kbq-unit", NULL, &e), KB_EIO);
	assert_null(kb);
	assert_error(&e, KB_EIO, "/nonexistent/kbq-unit", 0, 0,
		     "cannot read: No such file or directory");
}

static void empty_kbs(void **state)
{
	char *dir = tmp_new();
	struct kb_error e;
	struct kb *kb;

	(void)state;
	assert_int_equal(kb_open(&kb, dir, NULL, &e), 0);
	assert_int_equal(kb_count(kb), 0);
	kb_free(kb);
	tmp_write(dir, "empty.yaml", "");
	tmp_write(dir, "comments.yaml", "# nothing here\n\n");
	tmp_write(dir, "docs.yaml", "---\n...\n---\n");
	tmp_write(dir, "nulls.yaml", "~\n---\nnull\n");
	assert_int_equal(kb_open(&kb, dir, NULL, &e), 0);
	assert_int_equal(kb_count(kb), 0);
	kb_free(kb);
	kb = kbm_ok("a.yaml", "", NULL);
	assert_int_equal(kb_count(kb), 0);
	kb_free(kb);
	assert_int_equal(kb_open_mem(&kb, NULL, 0, NULL, &e), 0);
	assert_int_equal(kb_count(kb), 0);
	kb_free(kb);
	tmp_free(dir);
}

static void mem_order_and_schema(void **state)
{
	struct kb *kb;

	(void)state;
	/* the same byte-wise order as on disk; the root schema.yaml (after
	 * the common directory) is the schema, a deeper one is records */
	kb = kbm_ok("kb/b.yml", "id: b\nkind: k\n",
		    "kb/a/x.yaml", "id: a-x\nkind: k\n",
		    "kb/schema.yaml", "kinds:\n  k: {}\n",
		    "kb/a.yaml", "id: a\nkind: k\n",
		    "kb/d/schema.yaml", "id: d-schema\nkind: k\n",
		    "kb/a-b.yaml", "id: a-b\nkind: k\n", NULL);
	assert_true(kb_has_schema(kb));
	assert_string_equal(kb_schema_file(kb), "kb/schema.yaml");
	assert_int_equal(kb_count(kb), 5);
	assert_string_equal(kb_at(kb, 0)->file, "kb/a-b.yaml");
	assert_string_equal(kb_at(kb, 1)->file, "kb/a.yaml");
	assert_string_equal(kb_at(kb, 2)->file, "kb/a/x.yaml");
	assert_string_equal(kb_at(kb, 3)->file, "kb/b.yml");
	assert_string_equal(kb_at(kb, 4)->file, "kb/d/schema.yaml");
	kb_free(kb);
}

/* One record per file, the common layout: a name's duplicate-key mark
 * from one file must not be taken for a duplicate in the next. */
static void one_record_per_file(void **state)
{
	struct kb *kb = kbm_ok("a.yaml", "id: a\nkind: k\nx: 1\n",
			       "b.yaml", "id: b\nkind: k\nx: 2\n",
			       "c.yaml", "- {id: c, kind: k}\n- {id: d, kind: k, y: 1}\n",
			       "d.yaml", "- {id: e, kind: k}\n- {id: f, kind: k, y: 2}\n",
			       NULL);

	(void)state;
	assert_string_equal(dump_kb(kb), "id=a kind=k x=1\nid=b kind=k x=2\n"
			    "id=c kind=k\nid=d kind=k y=1\nid=e kind=k\n"
			    "id=f kind=k y=2");
	kb_free(kb);
}

/* ---- documents ------------------------------------------------------------ */

static void multi_document_and_lists(void **state)
{
	(void)state;
	assert_string_equal(load_dump(
		"id: a\nkind: k\n"
		"---\n"
		"- id: b\n  kind: k\n"
		"- {id: c, kind: k}\n"
		"---\n"
		"# an empty document\n"
		"...\n"
		"---\n"
		"[]\n"
		"---\n"
		"id: d\nkind: k\n"),
		"id=a kind=k\nid=b kind=k\nid=c kind=k\nid=d kind=k");
}

static void document_not_records(void **state)
{
	struct kb_error e;

	(void)state;
	assert_int_equal(load1("just text\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 1, 1,
		     "document is not a record or a list of records");
	assert_int_equal(load1("id: a\nkind: k\n---\n- id: b\n  kind: k\n- x\n", &e),
			 KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 6, 3,
		     "list element is not a record (a mapping)");
	assert_int_equal(load1("- [a, b]\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 1, 3,
		     "list element is not a record (a mapping)");
	assert_int_equal(load1("- ~\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 1, 3,
		     "list element is not a record (a mapping)");
}

/* ---- scalars -------------------------------------------------------------- */

static void scalars_kept_as_written(void **state)
{
	(void)state;
	assert_string_equal(load_dump(
		"id: a\nkind: k\n"
		"b1: NO\nb2: yes\nb3: off\nb4: True\n"
		"oct: 0710\nhex: 0x1F\nd: 2025-06-09\nf: 1e3\nv: 1.10\n"
		"t: 12:30\nneg: -0\ninf: .inf\nnan: .NaN\n"
		"q1: 'single'\nq2: \"dou\\tble\"\n"
		"lit: |\n  two\n  lines\n"
		"fold: >\n  one\n  line\n"
		"flow: [NO, 0710, 2025-06]\n"),
		"id=a kind=k b1=NO b2=yes b3=off b4=True oct=0710 hex=0x1F "
		"d=2025-06-09 f=1e3 v=1.10 t=12:30 neg=-0 inf=.inf nan=.NaN "
		"q1=single q2=dou\tble lit=two\nlines\n fold=one line\n "
		"flow=[NO,0710,2025-06]");
}

static void nulls_are_absent(void **state)
{
	(void)state;
	assert_string_equal(load_dump(
		"id: a\nkind: k\n"
		"n1: ~\nn2: null\nn3: Null\nn4: NULL\nn5:\nn6: []\n"
		"n7: !!null ''\n"
		"keep: x\n"),
		"id=a kind=k n7= keep=x");
}

static void quoted_null_kept(void **state)
{
	(void)state;
	assert_string_equal(load_dump(
		"id: a\nkind: k\n"
		"q1: \"null\"\nq2: ''\nq3: \"\"\nq4: '~'\nq5: [\"null\", '']\n"
		"nULL: nULL\nnil: nil\nnone: None\n"),
		"id=a kind=k q1=null q2= q3= q4=~ q5=[null,] "
		"nULL=nULL nil=nil none=None");
}

static void null_list_element_refused(void **state)
{
	static const struct {
		const char *yaml;
		unsigned line, col;
	} cases[] = {
		{ "id: a\nkind: k\ntags: [x, ~]\n", 3, 11 },
		{ "id: a\nkind: k\ntags: [x, null]\n", 3, 11 },
		{ "id: a\nkind: k\ntags:\n  - x\n  -\n", 5, 4 },
		{ "id: a\nkind: k\ntags:\n  - NULL\n", 4, 5 },
		{ "id: a\nkind: k\nn: &n ~\ntags: [*n]\n", 4, 8 },
	};
	struct kb_error e;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		assert_int_equal(load1(cases[i].yaml, &e), KB_ESTRUCT);
		assert_error(&e, KB_ESTRUCT, "t.yaml", cases[i].line, cases[i].col,
			     "null element in list 'tags'");
	}
}

static void lists(void **state)
{
	(void)state;
	assert_string_equal(load_dump(
		"id: a\nkind: k\n"
		"one: [x]\nblock:\n  - x\n  - y\nscalar: x\n"),
		"id=a kind=k one=[x] block=[x,y] scalar=x");
}

/* ---- anchors, aliases, merges --------------------------------------------- */

static void anchors_and_aliases(void **state)
{
	(void)state;
	assert_string_equal(load_dump(
		"- id: a\n  kind: k\n  s: &s hello\n  l: &l [x, y]\n"
		"  e: [&e one, two]\n"
		"- id: b\n  kind: k\n  s: *s\n  l: *l\n  e: [*e, *s]\n"
		"  k2: &k name\n"
		"- id: c\n  kind: k\n  *k : v\n"),
		"id=a kind=k s=hello l=[x,y] e=[one,two]\n"
		"id=b kind=k s=hello l=[x,y] e=[one,hello] k2=name\n"
		"id=c kind=k name=v");
}

static void alias_of_record(void **state)
{
	struct kb_error e;

	(void)state;
	/* the same mapping twice is the same id twice */
	assert_int_equal(load1("- &r {id: a, kind: k}\n- *r\n", &e), KB_ESTRUCT);
	assert_string_equal(e.message,
			    "duplicate id 'a' (first defined at t.yaml:1:11)");
}

static void anchors_redefined_and_quoted_merge_key(void **state)
{
	struct kb_error e;

	(void)state;
	/* a redefined anchor: aliases after it see the later value */
	assert_string_equal(load_dump(
		"- {id: a, kind: k, x: &v one, y: *v, z: &v two, w: *v}\n"),
		"id=a kind=k x=one y=one z=two w=two");
	/* only a plain << merges; a quoted one is an ordinary key */
	assert_string_equal(load_dump("- {id: c, kind: k, '<<': x}\n"),
			    "id=c kind=k <<=x");
	assert_int_equal(load1("- &b {id: b, kind: k, x: 1}\n"
			       "- {id: c, kind: k, '<<': *b}\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 2, 26,
		     "field '<<' holds a nested mapping (through alias 'b')");
}

static void crlf(void **state)
{
	struct kb_error e;
	struct kb *kb = kbm_ok("t.yaml", "id: a\r\nkind: k\r\nl:\r\n  - x\r\n"
			       "t: |\r\n  one\r\n  two\r\n", NULL);
	const struct kb_field *f;

	(void)state;
	assert_string_equal(dump(kb_at(kb, 0)), "id=a kind=k l=[x] t=one\ntwo\n");
	f = kb_record_field(kb_at(kb, 0), "l");
	assert_int_equal(f->values[0].line, 4);
	assert_int_equal(f->values[0].col, 5);
	kb_free(kb);
	assert_int_equal(load1("id: a\r\nkind: k\r\nx: \xff\r\n", &e), KB_ESYNTAX);
	assert_error(&e, KB_ESYNTAX, "t.yaml", 3, 4,
		     "yaml: invalid leading UTF-8 octet (byte 0xFF)");
}

static void anchors_are_per_document(void **state)
{
	struct kb_error e;

	(void)state;
	assert_int_equal(load1("id: a\nkind: k\nx: &x 1\n---\nid: b\nkind: k\n"
			       "y: *x\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 7, 4, "unknown anchor 'x'");
}

static void merge_keys(void **state)
{
	(void)state;
	/* own keys first in file order, then the merged ones; own wins */
	assert_string_equal(load_dump(
		"- &base\n  kind: k\n  a: A\n  b: B\n  id: base\n"
		"- <<: *base\n"
		"  id: m\n"
		"  b: own\n"
		"  c: C\n"),
		"kind=k a=A b=B id=base\n"
		"id=m b=own c=C kind=k a=A");
}

static void merge_list_earlier_wins(void **state)
{
	(void)state;
	assert_string_equal(load_dump(
		"- &one {id: one, kind: k, x: 1, y: 1}\n"
		"- &two {id: two, kind: k, y: 2, z: 2, w: [2]}\n"
		"- id: m\n"
		"  <<: [*one, *two]\n"
		"- id: n\n"
		"  <<: [*two, *one]\n"
		"- id: p\n"
		"  <<: [{kind: k, q: inline}, *one]\n"),
		"id=one kind=k x=1 y=1\n"
		"id=two kind=k y=2 z=2 w=[2]\n"
		"id=m kind=k x=1 y=1 z=2 w=[2]\n"
		"id=n kind=k y=2 z=2 w=[2] x=1\n"
		"id=p kind=k q=inline x=1 y=1");
}

static void merge_own_null_wins(void **state)
{
	(void)state;
	/* an own key written as null is absent, and merging cannot fill it */
	assert_string_equal(load_dump(
		"- &b {id: b, kind: k, x: 1, y: 1}\n"
		"- id: m\n"
		"  x: ~\n"
		"  <<: *b\n"),
		"id=b kind=k x=1 y=1\n"
		"id=m kind=k y=1");
}

static void merge_errors(void **state)
{
	struct kb_error e;

	(void)state;
	assert_int_equal(load1("a: &a x\nid: r\nkind: k\nb:\n  <<: *a\n", &e),
			 KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 5, 3,
		     "field 'b' holds a nested mapping");
	assert_int_equal(load1("a: &a x\nid: r\nkind: k\n<<: *a\n", &e),
			 KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 4, 5,
		     "merge key '<<' needs a mapping, alias 'a' is not one");
	assert_int_equal(load1("id: r\nkind: k\n<<: x\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 3, 5,
		     "merge key '<<' needs a mapping or a list of mappings");
	/* a merged mapping is a record's fields: flat too */
	assert_int_equal(load1("id: r\nkind: k\n<<: {a: {b: c}}\n", &e),
			 KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 3, 9,
		     "field 'a' holds a nested mapping");
}

/* Alias expansion is charged by the size it would produce: a structure
 * that is legal, but whose expansion is huge, is refused. */
static void billion_laughs(void **state)
{
	size_t cap = 1 << 20, used = 0, i;
	char *y = malloc(cap);
	struct kb_error e;
	char want[200];

	(void)state;
	assert_non_null(y);
	/* a list of 2000 values, a mapping of 200 fields each holding it
	 * (400,000 values), then 2000 records merging that mapping: some
	 * 800 million values, from a file of a few hundred kilobytes */
	used += (size_t)snprintf(y + used, cap - used, "- &m\n  id: m\n  kind: k\n"
				 "  l0: &l [");
	for (i = 0; i < 2000; i++)
		used += (size_t)snprintf(y + used, cap - used, "%slol", i ? "," : "");
	used += (size_t)snprintf(y + used, cap - used, "]\n");
	for (i = 1; i < 200; i++)
		used += (size_t)snprintf(y + used, cap - used, "  l%zu: *l\n", i);
	for (i = 0; i < 2000; i++)
		used += (size_t)snprintf(y + used, cap - used,
					 "- {<<: *m, id: r%zu}\n", i);
	assert_true(used < cap - 1);
	assert_int_equal(load1(y, &e), KB_ELIMIT);
	assert_int_equal(e.code, KB_ELIMIT);
	assert_string_equal(e.file, "t.yaml");
	assert_true(e.line > 202);
	assert_int_equal(e.col, 8);
	/* the budget: 64 MiB and 8 times the KB's bytes */
	snprintf(want, sizeof(want), "alias 'm' expands beyond the limit of "
		 "the KB, %zu bytes for its %zu bytes read (billion laughs?)",
		 ((size_t)64 << 20) + 8 * used, used);
	assert_string_equal(e.message, want);
	free(y);
}

static void moderate_aliasing_allowed(void **state)
{
	size_t cap = 1 << 16, used = 0, i;
	char *y = malloc(cap);
	struct kb *kb;

	(void)state;
	assert_non_null(y);
	used += (size_t)snprintf(y + used, cap - used,
				 "- &m {id: base, kind: k, tags: &t [a, b, c]}\n");
	for (i = 0; i < 1000; i++)
		used += (size_t)snprintf(y + used, cap - used,
					 "- {<<: *m, id: r%zu, more: *t}\n", i);
	kb = kbm_ok("t.yaml", y, NULL);
	assert_int_equal(kb_count(kb), 1001);
	assert_string_equal(dump(kb_at(kb, 1000)),
			    "id=r999 more=[a,b,c] kind=k tags=[a,b,c]");
	kb_free(kb);
	free(y);
}

/* ---- structural errors -------------------------------------------------- */

static void duplicate_key(void **state)
{
	struct kb_error e;

	(void)state;
	assert_int_equal(load1("id: a\nkind: k\nname: x\nname: y\n", &e),
			 KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 4, 1, "duplicate key 'name' (first at line 3, column 1)");
	/* the same key in two records is fine, a duplicate in the second not */
	assert_int_equal(load1("- {id: a, kind: k, n: 1}\n"
			       "- {id: b, kind: k, n: 1, 'n': 2}\n", &e),
			 KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 2, 26, "duplicate key 'n' (first at line 2, column 20)");
	assert_int_equal(load1("id: a\nkind: k\nid: b\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 3, 1, "duplicate key 'id' (first at line 1, column 1)");
	/* null-valued keys count too (a field without a value is not kept,
	 * so the error cannot say where the first one is) */
	assert_int_equal(load1("id: a\nkind: k\nx:\nx: 1\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 4, 1, "duplicate key 'x'");
}

static void nested_values_refused(void **state)
{
	struct kb_error e;

	(void)state;
	assert_int_equal(load1("id: a\nkind: k\nname:\n  first: x\n", &e),
			 KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 4, 3,
		     "field 'name' holds a nested mapping");
	assert_int_equal(load1("id: a\nkind: k\nterms:\n  - start: 2025\n", &e),
			 KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 4, 5,
		     "list 'terms' holds a nested mapping");
	assert_int_equal(load1("id: a\nkind: k\nl: [a, [b]]\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 3, 8,
		     "list 'l' holds a list inside a list");
	assert_int_equal(load1("id: a\nkind: k\nl:\n  - - b\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 4, 5,
		     "list 'l' holds a list inside a list");
	assert_int_equal(load1("id: a\nkind: k\nx: &x [1]\nl: [*x]\n", &e),
			 KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 4, 5,
		     "list 'l' holds a list inside a list (through alias 'x')");
	assert_int_equal(load1("- &m {id: a, kind: k}\n- {id: b, kind: k, x: *m}\n",
			       &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 2, 23,
		     "field 'x' holds a nested mapping (through alias 'm')");
	assert_int_equal(load1("id: a\nkind: k\n[x]: 1\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 3, 1, "a key must be a scalar");
}

static void id_and_kind_required(void **state)
{
	struct kb_error e;

	(void)state;
	assert_int_equal(load1("kind: k\nname: x\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 1, 1, "record has no 'id'");
	assert_int_equal(load1("- id: a\n  kind: k\n- id: b\n  name: x\n", &e),
			 KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 3, 3, "record 'b' has no 'kind'");
	/* null is absent */
	assert_int_equal(load1("id: ~\nkind: k\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 1, 1, "record has no 'id'");
	assert_int_equal(load1("id: a\nkind:\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 1, 1, "record 'a' has no 'kind'");
	assert_int_equal(load1("id: [a, b]\nkind: k\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 1, 6,
		     "'id' must be one value, not a list");
	assert_int_equal(load1("id: a\nkind: [k]\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 2, 8,
		     "'kind' must be one value, not a list");
	/* an empty map is a record without id */
	assert_int_equal(load1("- {}\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 1, 3, "record has no 'id'");
}

static void duplicate_id_names_both_places(void **state)
{
	struct kb_error e;
	struct kb *kb;

	(void)state;
	kb = kbm(&e, "kb/a.yaml", "id: x\nkind: k\n",
		 "kb/b.yaml", "- id: y\n  kind: k\n- kind: k\n  id: x\n", NULL);
	assert_null(kb);
	assert_error(&e, KB_ESTRUCT, "kb/b.yaml", 4, 7,
		     "duplicate id 'x' (first defined at kb/a.yaml:1:5)");
	/* on disk the same */
	{
		char *dir = tmp_new(), want[8400];
		tmp_write(dir, "one.yaml", "\n\nid: dup\nkind: k\n");
		tmp_write(dir, "two/x.yaml", "kind: k\nid:   dup\n");
		assert_int_equal(kb_open(&kb, dir, NULL, &e), KB_ESTRUCT);
		assert_null(kb);
		snprintf(want, sizeof(want),
			 "duplicate id 'dup' (first defined at %s/one.yaml:3:5)",
			 dir);
		assert_string_equal(e.message, want);
		snprintf(want, sizeof(want), "%s/two/x.yaml", dir);
		assert_string_equal(e.file, want);
		assert_int_equal(e.line, 2);
		assert_int_equal(e.col, 7);
		kb_error_free(&e);
		tmp_free(dir);
	}
}

static void empty_key_refused(void **state)
{
	struct kb_error e;

	(void)state;
	assert_int_equal(load1("id: a\nkind: k\n? \n: x\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 3, 2, "empty key");
	assert_int_equal(load1("id: a\nkind: k\n~: x\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 3, 1, "empty key");
}

static void more_structural_errors(void **state)
{
	struct kb_error e;
	char *y;
	size_t i, used;

	(void)state;
	assert_int_equal(load1("- &m {id: a, kind: k}\n- {id: b, kind: k, l: [x, *m]}\n",
			       &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 2, 27,
		     "list 'l' holds a nested mapping (through alias 'm')");
	assert_int_equal(load1("- {id: a, kind: k, s: &s x}\n- *s\n", &e),
			 KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 2, 3,
		     "list element is not a record (a mapping)");
	assert_int_equal(load1("id: a\nkind: k\nl: &l [x]\n*l : y\n", &e),
			 KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 4, 1, "a key must be a scalar");
	/* a key of more than 4096 bytes (explicit: libyaml allows no
	 * implicit key over 1024) */
	y = malloc(8192);
	assert_non_null(y);
	used = (size_t)snprintf(y, 8192, "id: a\nkind: k\n? ");
	for (i = 0; i < 5000; i++)
		y[used++] = 'k';
	strcpy(y + used, "\n: v\n");
	assert_int_equal(load1(y, &e), KB_ELIMIT);
	assert_error(&e, KB_ELIMIT, "t.yaml", 3, 3,
		     "key of 5000 bytes is over the limit of 4096");
	/* merges nested in merges, deeper than 64 levels */
	used = (size_t)snprintf(y, 8192, "id: a\nkind: k\n<<: ");
	for (i = 0; i < 70; i++)
		used += (size_t)snprintf(y + used, 8192 - used, "{<<: ");
	used += (size_t)snprintf(y + used, 8192 - used, "{x: 1}");
	for (i = 0; i < 70; i++)
		y[used++] = '}';
	strcpy(y + used, "\n");
	assert_int_equal(load1(y, &e), KB_ELIMIT);
	assert_error(&e, KB_ELIMIT, "t.yaml", 3, 5 + 64 * 5,
		     "merges nest deeper than 64 levels");
	/* 60 levels are fine, the innermost key merged all the way out */
	used = (size_t)snprintf(y, 8192, "id: a\nkind: k\n<<: ");
	for (i = 0; i < 60; i++)
		used += (size_t)snprintf(y + used, 8192 - used, "{<<: ");
	used += (size_t)snprintf(y + used, 8192 - used, "{x: 1}");
	for (i = 0; i < 60; i++)
		y[used++] = '}';
	strcpy(y + used, "\n");
	assert_string_equal(load_dump(y), "id=a kind=k x=1");
	free(y);
}

static void file_errors(void **state)
{
	char *dir = tmp_new(), path[4200], want[4400];
	struct kb_open_opts o = { 0 };
	struct kb_error e;
	struct kb *kb;
	size_t i;

	(void)state;
	/* a *.yaml that is not a regular file */
	tmp_write(dir, "kb/a.yaml", "id: a\nkind: k\n");
	snprintf(path, sizeof(path), "%s/kb/fifo.yaml", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	snprintf(path, sizeof(path), "%s/kb", dir);
	assert_int_equal(kb_open(&kb, path, NULL, &e), KB_EIO);
	snprintf(want, sizeof(want), "%s/kb/fifo.yaml", dir);
	assert_error(&e, KB_EIO, want, 0, 0, "not a regular file");
	/* a schema that cannot be read */
	snprintf(path, sizeof(path), "%s/kb/a.yaml", dir);
	o.schema = "/nonexistent/schema.yaml";
	assert_int_equal(kb_open(&kb, path, &o, &e), KB_EIO);
	assert_error(&e, KB_EIO, "/nonexistent/schema.yaml", 0, 0,
		     "cannot open: No such file or directory");
	o.schema = dir;
	assert_int_equal(kb_open(&kb, path, &o, &e), KB_EIO);
	assert_error(&e, KB_EIO, dir, 0, 0, "cannot read: Is a directory");
	/* directories deeper than 256 levels */
	snprintf(path, sizeof(path), "%s/deep", dir);
	for (i = 0; i < 260; i++)
		strcat(path, "/d");
	strcat(path, "/x.yaml");
	tmp_write(dir, path + strlen(dir) + 1, "id: x\nkind: k\n");
	snprintf(path, sizeof(path), "%s/deep", dir);
	assert_int_equal(kb_open(&kb, path, NULL, &e), KB_ELIMIT);
	assert_string_equal(e.message, "directories nest deeper than 256 levels");
	kb_error_free(&e);
	tmp_free(dir);
}

/* ---- positions ----------------------------------------------------------- */

static void positions(void **state)
{
	struct kb *kb = kbm_ok("p.yaml",
		"# a comment\n"
		"- id: a\n"		/* 2 */
		"  kind: k\n"		/* 3 */
		"  tags: [x,  y]\n"	/* 4 */
		"  block:\n"		/* 5 */
		"    - one\n"		/* 6 */
		"    -   two\n"		/* 7 */
		"  \"q\": 'quoted'\n"	/* 8 */
		"  lit: |\n"		/* 9 */
		"    text\n"		/* 10 */
		"-   {id: b, kind: k, é: ø, x: ü}\n",	/* 11 */
		NULL);
	const struct kb_record *a = kb_at(kb, 0), *b = kb_at(kb, 1);
	const struct kb_field *f;

	(void)state;
	assert_int_equal(a->line, 2);
	assert_int_equal(a->col, 3);
	f = kb_record_field(a, "id");
	assert_int_equal(f->line, 2);
	assert_int_equal(f->col, 3);
	assert_int_equal(f->values[0].line, 2);
	assert_int_equal(f->values[0].col, 7);
	f = kb_record_field(a, "kind");
	assert_int_equal(f->line, 3);
	assert_int_equal(f->values[0].col, 9);
	f = kb_record_field(a, "tags");
	assert_int_equal(f->line, 4);
	assert_int_equal(f->col, 3);
	assert_int_equal(f->values[0].line, 4);
	assert_int_equal(f->values[0].col, 10);
	assert_int_equal(f->values[1].col, 14);
	f = kb_record_field(a, "block");
	assert_int_equal(f->line, 5);
	assert_int_equal(f->values[0].line, 6);
	assert_int_equal(f->values[0].col, 7);
	assert_int_equal(f->values[1].line, 7);
	assert_int_equal(f->values[1].col, 9);
	f = kb_record_field(a, "q");
	assert_int_equal(f->line, 8);
	assert_int_equal(f->col, 3);
	assert_int_equal(f->values[0].col, 8);
	f = kb_record_field(a, "lit");
	assert_int_equal(f->values[0].line, 9);
	assert_int_equal(f->values[0].col, 8);
	assert_string_equal(f->values[0].text, "text\n");
	/* columns count characters, not bytes */
	assert_int_equal(b->line, 11);
	assert_int_equal(b->col, 5);
	f = kb_record_field(b, "é");
	assert_int_equal(f->col, 22);
	assert_int_equal(f->values[0].col, 25);
	f = kb_record_field(b, "x");
	assert_int_equal(f->values[0].col, 31);
	kb_free(kb);
}

static void positions_of_aliased_values(void **state)
{
	struct kb *kb = kbm_ok("p.yaml",
		"- id: a\n  kind: k\n  s: &s v\n"
		"- id: b\n  kind: k\n  s: *s\n", NULL);
	const struct kb_field *f = kb_record_field(kb_at(kb, 1), "s");

	(void)state;
	/* the key is where it is written; the value where it was anchored
	 * (a node starts at its anchor, as libyaml marks it) */
	assert_int_equal(f->line, 6);
	assert_int_equal(f->col, 3);
	assert_int_equal(f->values[0].line, 3);
	assert_int_equal(f->values[0].col, 6);
	kb_free(kb);
}

/* ---- YAML errors ----------------------------------------------------------- */

static void syntax_errors(void **state)
{
	struct kb_error e;

	(void)state;
	assert_int_equal(load1("id: a\nkind: k\ntags: [x, y\n", &e), KB_ESYNTAX);
	assert_error(&e, KB_ESYNTAX, "t.yaml", 4, 1,
		     "yaml: did not find expected ',' or ']' (while parsing a "
		     "flow sequence at 3:7)");
	assert_int_equal(load1("id: a\n kind: k\n", &e), KB_ESYNTAX);
	assert_error(&e, KB_ESYNTAX, "t.yaml", 2, 6,
		     "yaml: mapping values are not allowed in this context");
	assert_int_equal(load1("id: a\nkind: k\nx: \"open\n", &e), KB_ESYNTAX);
	assert_error(&e, KB_ESYNTAX, "t.yaml", 4, 1,
		     "yaml: found unexpected end of stream (while scanning a "
		     "quoted scalar at 3:4)");
	assert_int_equal(load1("id: a\nkind: k\nx: *nope\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 3, 4, "unknown anchor 'nope'");
	assert_int_equal(load1("id: a\n\tkind: k\n", &e), KB_ESYNTAX);
	assert_error(&e, KB_ESYNTAX, "t.yaml", 2, 1,
		     "yaml: found a tab character that violates indentation "
		     "(while scanning a plain scalar at 1:5)");
}

/* A file that libyaml rejects is a syntax error, even where the loader met
 * a structural problem before the syntax error. */
static void syntax_error_wins(void **state)
{
	struct kb_error e;

	(void)state;
	assert_int_equal(load1("This\n is\n  invalid: x\n", &e), KB_ESYNTAX);
	assert_error(&e, KB_ESYNTAX, "t.yaml", 3, 10,
		     "yaml: mapping values are not allowed in this context");
	assert_int_equal(load1("id: a\nkind: k\nx: {y: z}\n---\nid: b\n"
			       "kind: k\ny: [1\n", &e), KB_ESYNTAX);
	assert_error(&e, KB_ESYNTAX, "t.yaml", 8, 1,
		     "yaml: did not find expected ',' or ']' (while parsing a "
		     "flow sequence at 7:4)");
	assert_int_equal(load1("- {id: a, kind: k}\n- {id: a, kind: k}\n- ]\n",
			       &e), KB_ESYNTAX);
	assert_int_equal(e.line, 3);
	/* valid YAML after the problem: the structural error stands */
	assert_int_equal(load1("id: a\nkind: k\nx: {y: z}\n---\n[a, b]\n", &e),
			 KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 3, 4,
		     "field 'x' holds a nested mapping");
	/* and with no error buffer, the code alone */
	{
		struct kb *kb;
		struct kb_memfile f = { "t.yaml", "- x\n- ]\n", 8 };
		assert_int_equal(kb_open_mem(&kb, &f, 1, NULL, NULL), KB_ESYNTAX);
		f.data = "- x\n- y\n";
		assert_int_equal(kb_open_mem(&kb, &f, 1, NULL, NULL), KB_ESTRUCT);
	}
}

static void reader_errors_located(void **state)
{
	struct kb_error e;
	struct kb *kb;
	static const char nul[] = "id: a\nkind: k\nx: ab\0c\n";
	struct kb_memfile f = { "n.yaml", nul, sizeof(nul) - 1 };

	(void)state;
	/* invalid UTF-8: a lone continuation byte on line 3 */
	assert_int_equal(load1("id: a\nkind: k\nxé: a\x80z\n", &e), KB_ESYNTAX);
	assert_error(&e, KB_ESYNTAX, "t.yaml", 3, 6,
		     "yaml: invalid leading UTF-8 octet (byte 0x80)");
	/* a truncated sequence */
	assert_int_equal(load1("id: a\nkind: k\nx: \xc3(\n", &e), KB_ESYNTAX);
	assert_error(&e, KB_ESYNTAX, "t.yaml", 3, 5,
		     "yaml: invalid trailing UTF-8 octet (byte 0x28)");
	/* a NUL byte (the length, not the NUL, ends the input) */
	assert_int_equal(kb_open_mem(&kb, &f, 1, NULL, &e), KB_ESYNTAX);
	assert_error(&e, KB_ESYNTAX, "n.yaml", 3, 6,
		     "yaml: control characters are not allowed (byte 0x00)");
	/* the same from a file on disk */
	{
		char *dir = tmp_new(), path[4200];
		FILE *fp;
		snprintf(path, sizeof(path), "%s/n.yaml", dir);
		fp = fopen(path, "wb");
		assert_non_null(fp);
		fwrite(nul, 1, sizeof(nul) - 1, fp);
		fclose(fp);
		assert_int_equal(kb_open(&kb, path, NULL, &e), KB_ESYNTAX);
		assert_error(&e, KB_ESYNTAX, path, 3, 6,
			     "yaml: control characters are not allowed (byte 0x00)");
		tmp_write(dir, "u.yaml", "id: a\nkind: k\n\nx: \xff\n");
		snprintf(path, sizeof(path), "%s/u.yaml", dir);
		assert_int_equal(kb_open(&kb, path, NULL, &e), KB_ESYNTAX);
		assert_error(&e, KB_ESYNTAX, path, 4, 4,
			     "yaml: invalid leading UTF-8 octet (byte 0xFF)");
		tmp_free(dir);
	}
}

static void errors_stop_at_the_first(void **state)
{
	struct kb_error e;
	struct kb *kb;

	(void)state;
	kb = kbm(&e, "a.yaml", "id: a\nkind: k\n", "b.yaml", "[\n",
		 "c.yaml", "id: a\n", NULL);
	assert_null(kb);
	assert_int_equal(e.code, KB_ESYNTAX);
	assert_string_equal(e.file, "b.yaml");
}

static void large_ok(void **state)
{
	size_t n = 20000, cap = n * 64, used = 0, i;
	char *y = malloc(cap);
	struct kb *kb;
	clock_t t0;

	(void)state;
	assert_non_null(y);
	for (i = 0; i < n; i++)
		used += (size_t)snprintf(y + used, cap - used,
					 "- {id: r%zu, kind: k, n: '%zu'}\n", i, i);
	t0 = clock();
	kb = kbm_ok("big.yaml", y, NULL);
	assert_int_equal(kb_count(kb), n);
	assert_string_equal(kb_at(kb, n - 1)->id, "r19999");
	assert_int_equal(kb_at(kb, n - 1)->line, n);
	/* generous: a fraction of a second is normal, even under ASan */
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 10.0);
	kb_free(kb);
	free(y);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(file_order_and_names),
		cmocka_unit_test(symlinked_dirs_read_once),
		cmocka_unit_test(symlinked_file_followed),
		cmocka_unit_test(single_file_is_a_kb),
		cmocka_unit_test(schema_option_wins),
		cmocka_unit_test(missing_path),
		cmocka_unit_test(empty_kbs),
		cmocka_unit_test(mem_order_and_schema),
		cmocka_unit_test(one_record_per_file),
		cmocka_unit_test(multi_document_and_lists),
		cmocka_unit_test(document_not_records),
		cmocka_unit_test(scalars_kept_as_written),
		cmocka_unit_test(nulls_are_absent),
		cmocka_unit_test(quoted_null_kept),
		cmocka_unit_test(null_list_element_refused),
		cmocka_unit_test(lists),
		cmocka_unit_test(anchors_and_aliases),
		cmocka_unit_test(alias_of_record),
		cmocka_unit_test(anchors_redefined_and_quoted_merge_key),
		cmocka_unit_test(crlf),
		cmocka_unit_test(anchors_are_per_document),
		cmocka_unit_test(merge_keys),
		cmocka_unit_test(merge_list_earlier_wins),
		cmocka_unit_test(merge_own_null_wins),
		cmocka_unit_test(merge_errors),
		cmocka_unit_test(billion_laughs),
		cmocka_unit_test(moderate_aliasing_allowed),
		cmocka_unit_test(duplicate_key),
		cmocka_unit_test(nested_values_refused),
		cmocka_unit_test(id_and_kind_required),
		cmocka_unit_test(duplicate_id_names_both_places),
		cmocka_unit_test(empty_key_refused),
		cmocka_unit_test(more_structural_errors),
		cmocka_unit_test(file_errors),
		cmocka_unit_test(positions),
		cmocka_unit_test(positions_of_aliased_values),
		cmocka_unit_test(syntax_errors),
		cmocka_unit_test(syntax_error_wins),
		cmocka_unit_test(reader_errors_located),
		cmocka_unit_test(errors_stop_at_the_first),
		cmocka_unit_test(large_ok),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
