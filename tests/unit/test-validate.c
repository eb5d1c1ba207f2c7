/* test-validate.c - kb_validate() (validate.c): every diagnostic with its
 * exact message and line:col, and a clean KB giving none. */
#include "unit.h"

#include <stdio.h>
#include <string.h>

/* The diagnostics of records "kb/r.yaml" under unit_schema. */
static const char *V(const char *records)
{
	static char buf[65536];
	struct kb *kb = kbm_ok("kb/schema.yaml", unit_schema, "kb/r.yaml", records,
			       NULL);
	size_t n;

	snprintf(buf, sizeof(buf), "%s", diags(kb, &n));
	/* the count returned is the number of calls made */
	if (!*buf)
		assert_int_equal(n, 0);
	else
		assert_int_not_equal(n, 0);
	kb_free(kb);
	return buf;
}

static const char clean_kb[] =
	"- id: us\n  kind: actor\n  name: United States\n  type: country\n"
	"  wikidata: Q30\n  seats: 435\n  born: 1776-07-04\n"
	"  aliases: [USA, America]\n"
	"  notes: |\n    two\n    lines\n"
	"- id: cn\n  kind: actor\n  name: China\n  type: country\n  seats: -0\n"
	"- id: mofcom\n  kind: actor\n  name: Ministry of Commerce\n"
	"  type: government-body\n  country: cn\n  member_of: [cn]\n"
	"  tags: single\n"	/* a scalar where a list is declared */
	"- id: src.1\n  kind: source\n  name: A source\n"
	"  url: https://example.com/a?b=c\n  date: 2025-06\n"
	"- id: ctl_1\n  kind: control\n  name: A control\n  imposed_by: cn\n"
	"  since: 2025\n  until: 2025-12-31\n  items: [a, b]\n  sources: src.1\n"
	"- id: 9-ev\n  kind: event\n  name: An event\n  date: 2024-02-29\n"
	"  actors: [us, cn]\n  about: [ctl_1, src.1, us]\n  outlet: src.1\n";

static void clean(void **state)
{
	struct kb *kb;
	size_t n = 99;

	(void)state;
	assert_string_equal(V(clean_kb), "");
	/* without a schema: nothing to check beyond structure */
	kb = kbm_ok("r.yaml", "id: X Y\nkind: whatever\nfield: [a]\n", NULL);
	assert_string_equal(diags(kb, &n), "");
	assert_int_equal(n, 0);
	kb_free(kb);
	/* a NULL callback still counts */
	kb = kbm_ok("schema.yaml", unit_schema, "r.yaml",
		    "id: a\nkind: actr\nname: x\n", NULL);
	assert_int_equal(kb_validate(kb, NULL, NULL), 1);
	kb_free(kb);
}

static void unknown_kind(void **state)
{
	(void)state;
	assert_string_equal(V("id: a\nkind: actr\nname: x\nbogus: 1\n"),
		"kb/r.yaml:2:7: a: unknown kind 'actr' (did you mean 'actor'?)");
	assert_string_equal(V("id: a\nkind:   thing\n"),
		"kb/r.yaml:2:9: a: unknown kind 'thing'");
}

static void unknown_field(void **state)
{
	(void)state;
	assert_string_equal(V("id: a\nkind: actor\nnmae: x\ntype: person\n"
			      "  \nflavour: x\n"),
		"kb/r.yaml:3:1: a: unknown field 'nmae' in kind 'actor' "
		"(did you mean 'name'?)\n"
		"kb/r.yaml:6:1: a: unknown field 'flavour' in kind 'actor'\n"
		"kb/r.yaml:1:1: a: record 'a' lacks required field 'name'");
	/* a field of another kind is unknown here */
	assert_string_equal(V("- {id: a, kind: source, name: x, since: 2025}\n"),
		"kb/r.yaml:1:34: a: unknown field 'since' in kind 'source'");
}

static void required(void **state)
{
	(void)state;
	assert_string_equal(V("- id: c\n  kind: control\n"),
		"kb/r.yaml:1:3: c: record 'c' lacks required field 'name'\n"
		"kb/r.yaml:1:3: c: record 'c' lacks required field 'imposed_by'");
	/* null is absent */
	assert_string_equal(V("id: e\nkind: event\nname: x\ndate: ~\n"),
		"kb/r.yaml:1:1: e: record 'e' lacks required field 'date'");
}

static void strings_and_text(void **state)
{
	(void)state;
	assert_string_equal(V("id: a\nkind: actor\ntype: person\n"
			      "name: \"two\\nlines\"\n"
			      "notes: \"text\\nmay\\nbreak\"\n"
			      "aliases: [ok, \"cr\\rhere\"]\n"),
		"kb/r.yaml:4:7: a: bad string 'two\nlines' in field 'name': a string "
		"holds no line break (type text does)\n"
		"kb/r.yaml:6:15: a: bad string 'cr\rhere' in field 'aliases': a "
		"string holds no line break (type text does)");
	/* a folded block scalar ends in a line break too */
	assert_string_equal(V("id: a\nkind: actor\ntype: person\nname: >\n  x\n"),
		"kb/r.yaml:4:7: a: bad string 'x\n' in field 'name': a string "
		"holds no line break (type text does)");
}

static void dates(void **state)
{
	(void)state;
	assert_string_equal(V("id: a\nkind: actor\nname: x\ntype: person\n"
			      "born: 2025-02-30\n"),
		"kb/r.yaml:5:7: a: bad date '2025-02-30' in field 'born': not a "
		"date (YYYY, YYYY-MM or YYYY-MM-DD, a day that exists)");
	assert_string_equal(V("- {id: a, kind: source, name: x, date: 2025-6-1}\n"
			      "- {id: b, kind: source, name: x, date: soon}\n"
			      "- {id: c, kind: source, name: x, date: 2024-02-29}\n"
			      "- {id: d, kind: source, name: x, date: 2025}\n"
			      "- {id: e, kind: source, name: x, date: 2025-13}\n"),
		"kb/r.yaml:1:40: a: bad date '2025-6-1' in field 'date': not a "
		"date (YYYY, YYYY-MM or YYYY-MM-DD, a day that exists)\n"
		"kb/r.yaml:2:40: b: bad date 'soon' in field 'date': not a "
		"date (YYYY, YYYY-MM or YYYY-MM-DD, a day that exists)\n"
		"kb/r.yaml:5:40: e: bad date '2025-13' in field 'date': not a "
		"date (YYYY, YYYY-MM or YYYY-MM-DD, a day that exists)");
}

static void enums(void **state)
{
	(void)state;
	assert_string_equal(V("id: a\nkind: actor\nname: x\ntype: persn\n"),
		"kb/r.yaml:4:7: a: 'persn' is not a valid 'type' (one of: person, "
		"country, government-body) (did you mean 'person'?)");
	assert_string_equal(V("id: a\nkind: actor\nname: x\ntype: Person\n"),
		"kb/r.yaml:4:7: a: 'Person' is not a valid 'type' (one of: person, "
		"country, government-body) (did you mean 'person'?)");
	assert_string_equal(V("id: a\nkind: actor\nname: x\ntype: zzzzzzzz\n"),
		"kb/r.yaml:4:7: a: 'zzzzzzzz' is not a valid 'type' (one of: "
		"person, country, government-body)");
}

static void ints(void **state)
{
	(void)state;
	assert_string_equal(V("- {id: a, kind: actor, name: x, type: person, seats: 12a}\n"
			      "- {id: b, kind: actor, name: x, type: person, seats: 1.5}\n"
			      "- {id: c, kind: actor, name: x, type: person, seats: '+7'}\n"
			      "- {id: d, kind: actor, name: x, type: person, seats: 0x10}\n"),
		"kb/r.yaml:1:54: a: bad int '12a' in field 'seats': not an integer\n"
		"kb/r.yaml:2:54: b: bad int '1.5' in field 'seats': not an integer\n"
		"kb/r.yaml:4:54: d: bad int '0x10' in field 'seats': not an integer");
}

static void urls(void **state)
{
	(void)state;
	assert_string_equal(V("- {id: a, kind: source, name: x, url: example.com}\n"
			      "- {id: b, kind: source, name: x, url: 'http://a b'}\n"
			      "- {id: c, kind: source, name: x, url: 'mailto:x@y'}\n"
			      "- {id: d, kind: source, name: x, url: 'ftp://x'}\n"),
		"kb/r.yaml:1:39: a: bad url 'example.com' in field 'url': not a URL "
		"(scheme://...)\n"
		"kb/r.yaml:2:39: b: bad url 'http://a b' in field 'url': not a URL "
		"(scheme://...)\n"
		"kb/r.yaml:3:39: c: bad url 'mailto:x@y' in field 'url': not a URL "
		"(scheme://...)");
}

static void patterns(void **state)
{
	(void)state;
	/* the whole value must match */
	assert_string_equal(V("- {id: a, kind: actor, name: x, type: person, wikidata: X30}\n"
			      "- {id: b, kind: actor, name: x, type: person, wikidata: Q30x}\n"
			      "- {id: c, kind: actor, name: x, type: person, wikidata: xQ30}\n"
			      "- {id: d, kind: actor, name: x, type: person, wikidata: Q1}\n"),
		"kb/r.yaml:1:57: a: 'X30' in field 'wikidata' does not match its "
		"pattern 'Q[0-9]+'\n"
		"kb/r.yaml:2:57: b: 'Q30x' in field 'wikidata' does not match its "
		"pattern 'Q[0-9]+'\n"
		"kb/r.yaml:3:57: c: 'xQ30' in field 'wikidata' does not match its "
		"pattern 'Q[0-9]+'");
}

static void bad_ids(void **state)
{
	(void)state;
	assert_string_equal(V("- {id: Bad, kind: source, name: x}\n"
			      "- {id: -x, kind: source, name: x}\n"
			      "- {id: a b, kind: source, name: x}\n"
			      "- {id: é, kind: source, name: x}\n"
			      "- {id: ok-1.2_3, kind: source, name: x}\n"),
		"kb/r.yaml:1:8: Bad: bad id 'Bad' (lowercase letters, digits, '.', "
		"'_', '-'; starting with a letter or digit)\n"
		"kb/r.yaml:2:8: -x: bad id '-x' (lowercase letters, digits, '.', "
		"'_', '-'; starting with a letter or digit)\n"
		"kb/r.yaml:3:8: a b: bad id 'a b' (lowercase letters, digits, '.', "
		"'_', '-'; starting with a letter or digit)\n"
		"kb/r.yaml:4:8: é: bad id 'é' (lowercase letters, digits, '.', "
		"'_', '-'; starting with a letter or digit)");
}

static void refs(void **state)
{
	(void)state;
	assert_string_equal(V(
		"- {id: china, kind: actor, name: x, type: country}\n"
		"- {id: s, kind: source, name: x}\n"
		"- {id: a, kind: actor, name: x, type: person, country: chna}\n"
		"- {id: b, kind: actor, name: x, type: person, country: s}\n"
		"- id: c\n  kind: actor\n  name: x\n  type: person\n"
		"  member_of: [china, nowhere-at-all, s]\n"
		"- id: e\n  kind: event\n  name: x\n  date: 2025\n"
		"  about: [s, china, c, ghost]\n  outlet: china\n"),
		"kb/r.yaml:3:56: a: dangling ref 'chna' in field 'country' "
		"(did you mean 'china'?)\n"
		"kb/r.yaml:4:56: b: field 'country' refers to 's' of kind "
		"'source', not of kind 'actor'\n"
		"kb/r.yaml:9:22: c: dangling ref 'nowhere-at-all' in field "
		"'member_of'\n"
		"kb/r.yaml:9:38: c: field 'member_of' refers to 's' of kind "
		"'source', not of kind 'actor'\n"
		"kb/r.yaml:14:24: e: dangling ref 'ghost' in field 'about'");
	/* a ref to more than one kind names them all */
	assert_string_equal(V(
		"- {id: c, kind: control, name: x, imposed_by: c}\n"
		"- {id: e, kind: event, name: x, date: 2025, outlet: c}\n"),
		"kb/r.yaml:1:47: c: field 'imposed_by' refers to 'c' of kind "
		"'control', not of kind 'actor'\n"
		"kb/r.yaml:2:53: e: field 'outlet' refers to 'c' of kind "
		"'control', not of kind 'actor' or 'source'");
}

static void lists_and_scalars(void **state)
{
	(void)state;
	/* a list where one value is declared; a scalar for a list is fine */
	assert_string_equal(V("id: a\nkind: actor\nname: [x]\ntype: person\n"
			      "country: [a, a]\ntags: one\naliases: [one]\n"),
		"kb/r.yaml:3:1: a: field 'name' takes one value, not a list\n"
		"kb/r.yaml:5:1: a: field 'country' takes one value, not a list");
}

static void every_problem_reported_in_order(void **state)
{
	(void)state;
	/* records in load order, fields in file order, then required ones */
	assert_string_equal(V(
		"- id: B\n  kind: event\n  date: 2025-02-29\n  actors: [xyz-nothing]\n"
		"  name: [a]\n"
		"- id: ok\n  kind: nope\n"),
		"kb/r.yaml:1:7: B: bad id 'B' (lowercase letters, digits, '.', "
		"'_', '-'; starting with a letter or digit)\n"
		"kb/r.yaml:3:9: B: bad date '2025-02-29' in field 'date': not a "
		"date (YYYY, YYYY-MM or YYYY-MM-DD, a day that exists)\n"
		"kb/r.yaml:4:12: B: dangling ref 'xyz-nothing' in field 'actors'\n"
		"kb/r.yaml:5:3: B: field 'name' takes one value, not a list\n"
		"kb/r.yaml:7:9: ok: unknown kind 'nope'");
}

static void files_named(void **state)
{
	struct kb *kb = kbm_ok("kb/schema.yaml", unit_schema,
			       "kb/b.yaml", "id: b\nkind: source\nname: x\nurl: x\n",
			       "kb/a/z.yaml", "id: a\nkind: source\n", NULL);

	(void)state;
	assert_string_equal(diags(kb, NULL),
		"kb/a/z.yaml:1:1: a: record 'a' lacks required field 'name'\n"
		"kb/b.yaml:4:6: b: bad url 'x' in field 'url': not a URL "
		"(scheme://...)");
	kb_free(kb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(clean),
		cmocka_unit_test(unknown_kind),
		cmocka_unit_test(unknown_field),
		cmocka_unit_test(required),
		cmocka_unit_test(strings_and_text),
		cmocka_unit_test(dates),
		cmocka_unit_test(enums),
		cmocka_unit_test(ints),
		cmocka_unit_test(urls),
		cmocka_unit_test(patterns),
		cmocka_unit_test(bad_ids),
		cmocka_unit_test(refs),
		cmocka_unit_test(lists_and_scalars),
		cmocka_unit_test(every_problem_reported_in_order),
		cmocka_unit_test(files_named),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
