/* test-schema.c - reading schema.yaml (schema.c): every key of a field
 * spec and of a kind, the common fields, and every schema error with its
 * position. */
#include "unit.h"

#include <string.h>

/* Open a KB of just this schema; NULL (and *e) on error. */
static struct kb *schema(const char *yaml, struct kb_error *e)
{
	return kbm(e, "kb/schema.yaml", yaml, "kb/r.yaml", "", NULL);
}

/* The error a schema gives, which must be one. */
static struct kb_error *bad(const char *yaml)
{
	static struct kb_error e;
	struct kb *kb = schema(yaml, &e);

	if (kb) {
		kb_free(kb);
		fail_msg("schema accepted:\n%s", yaml);
	}
	return &e;
}

static const char *const full =
	"common:\n"
	"  name:    {type: string, required: true, description: What it is called.}\n"
	"  aliases: {type: string, list: true}\n"
	"  sources: {type: ref, to: source, list: true}\n"
	"kinds:\n"
	"  actor:\n"
	"    plural: actors\n"
	"    description: A person or a body.\n"
	"    fields:\n"
	"      type:    {type: enum, values: [person, country], required: true}\n"
	"      country: {type: ref, to: actor}\n"
	"      about:   {type: ref, to: [actor, source], list: true}\n"
	"      anything: {type: ref}\n"
	"      wikidata: {type: string, pattern: 'Q[0-9]+'}\n"
	"      notes:   {type: text, required: false, list: false}\n"
	"      born:    {type: date}\n"
	"      seats:   {type: int}\n"
	"      home:    {type: url}\n"
	"      name:    {type: text, required: true}\n"
	"  source:\n"
	"    plural: sources\n"
	"  bare: {}\n";

static void every_key(void **state)
{
	struct kb_error e;
	struct kb *kb = schema(full, &e);
	const struct kb_kind *k;
	const struct kb_fieldspec *f;

	(void)state;
	if (!kb)
		fail_msg("%s:%u:%u: %s", e.file, e.line, e.col, e.message);
	assert_true(kb_has_schema(kb));
	assert_string_equal(kb_schema_file(kb), "kb/schema.yaml");
	assert_int_equal(kb_kind_count(kb), 3);
	k = kb_kind_at(kb, 0);
	assert_string_equal(k->name, "actor");
	assert_string_equal(k->plural, "actors");
	assert_string_equal(k->description, "A person or a body.");
	assert_ptr_equal(kb_kind_find(kb, "actor"), k);
	assert_ptr_equal(kb_kind_by_plural(kb, "actors"), k);
	assert_ptr_equal(kb_kind_by_plural(kb, "sources"), kb_kind_at(kb, 1));
	assert_null(kb_kind_by_plural(kb, "actor"));
	assert_null(kb_kind_find(kb, "actors"));
	assert_null(kb_kind_at(kb, 3));

	f = kb_kind_field(k, "type");
	assert_int_equal(f->type, KB_TYPE_ENUM);
	assert_true(f->required);
	assert_false(f->list);
	assert_false(f->common);
	assert_int_equal(f->nvalues, 2);
	assert_string_equal(f->values[0], "person");
	assert_string_equal(f->values[1], "country");
	assert_int_equal(f->line, 10);
	assert_int_equal(f->col, 7);
	f = kb_kind_field(k, "country");
	assert_int_equal(f->type, KB_TYPE_REF);
	assert_int_equal(f->nto, 1);
	assert_string_equal(f->to[0], "actor");
	f = kb_kind_field(k, "about");
	assert_int_equal(f->nto, 2);
	assert_string_equal(f->to[1], "source");
	assert_true(f->list);
	f = kb_kind_field(k, "anything");
	assert_int_equal(f->nto, 0);
	f = kb_kind_field(k, "wikidata");
	assert_string_equal(f->pattern, "Q[0-9]+");
	assert_non_null(f->re);
	f = kb_kind_field(k, "notes");
	assert_int_equal(f->type, KB_TYPE_TEXT);
	assert_false(f->required);
	assert_false(f->list);
	assert_null(f->description);
	assert_null(f->pattern);
	assert_int_equal(kb_kind_field(k, "born")->type, KB_TYPE_DATE);
	assert_int_equal(kb_kind_field(k, "seats")->type, KB_TYPE_INT);
	assert_int_equal(kb_kind_field(k, "home")->type, KB_TYPE_URL);
	assert_null(kb_kind_field(k, "nosuch"));
	assert_null(kb_kind_field(NULL, "name"));
	kb_free(kb);
}

static void common_fields_first(void **state)
{
	struct kb *kb = schema(full, NULL);
	const struct kb_kind *k = kb_kind_find(kb, "actor");
	static const char *const order[] = {
		"name", "aliases", "sources", "type", "country", "about",
		"anything", "wikidata", "notes", "born", "seats", "home",
	};
	size_t i;

	(void)state;
	assert_int_equal(k->nfields, 12);
	for (i = 0; i < 12; i++)
		assert_string_equal(k->fields[i].name, order[i]);
	assert_true(k->fields[1].common);
	assert_true(k->fields[2].common);
	assert_false(k->fields[3].common);
	/* actor refines the common 'name': its place stays, its spec is the
	 * kind's own */
	assert_int_equal(k->fields[0].type, KB_TYPE_TEXT);
	assert_false(k->fields[0].common);
	assert_int_equal(k->fields[0].line, 19);
	/* other kinds keep the common spec */
	k = kb_kind_find(kb, "source");
	assert_int_equal(k->nfields, 3);
	assert_int_equal(k->fields[0].type, KB_TYPE_STRING);
	assert_true(k->fields[0].common);
	assert_string_equal(k->fields[0].description, "What it is called.");
	assert_int_equal(k->fields[0].line, 2);
	assert_int_equal(k->fields[0].col, 3);
	/* a kind without 'fields' has the common ones */
	k = kb_kind_find(kb, "bare");
	assert_int_equal(k->nfields, 3);
	assert_null(k->plural);
	assert_null(k->description);
	kb_free(kb);
}

static void names_are_interned(void **state)
{
	struct kb *kb = kbm_ok("schema.yaml", full,
			       "r.yaml", "id: a\nkind: actor\ncountry: a\n", NULL);
	const struct kb_record *r = kb_at(kb, 0);

	(void)state;
	/* one pointer for a name, in the schema and in the records */
	assert_ptr_equal(kb_kind_field(kb_kind_find(kb, "actor"), "country")->name,
			 kb_record_field(r, "country")->name);
	assert_ptr_equal(r->kind, kb_kind_find(kb, "actor")->name);
	kb_free(kb);
}

static void schemaless(void **state)
{
	struct kb *kb = kbm_ok("r.yaml", "id: a\nkind: anything\n", NULL);

	(void)state;
	assert_false(kb_has_schema(kb));
	assert_null(kb_schema_file(kb));
	assert_int_equal(kb_kind_count(kb), 0);
	assert_null(kb_kind_at(kb, 0));
	assert_null(kb_kind_find(kb, "anything"));
	assert_null(kb_kind_by_plural(kb, "anythings"));
	kb_free(kb);
}

#define ERR(yaml, line, col, msg) \
	assert_error(bad(yaml), KB_ESCHEMA, "kb/schema.yaml", line, col, msg)

static void field_errors(void **state)
{
	(void)state;
	ERR("kinds:\n  a:\n    fields:\n      x: {type: strin}\n", 4, 17,
	    "unknown type 'strin' (did you mean 'string'?)");
	ERR("kinds:\n  a:\n    fields:\n      x: {type: blob}\n", 4, 17,
	    "unknown type 'blob'");
	ERR("kinds:\n  a:\n    fields:\n      x: {type: enum}\n", 4, 10,
	    "enum field 'x' has no 'values'");
	ERR("kinds:\n  a:\n    fields:\n      x: {type: enum, values: []}\n", 4, 10,
	    "enum field 'x' has no 'values'");
	ERR("kinds:\n  a:\n    fields:\n      x: {type: string, values: [a]}\n",
	    4, 10, "field 'x' has 'values' but is not an enum");
	ERR("kinds:\n  a:\n    fields:\n      x: {type: string, to: a}\n",
	    4, 10, "field 'x' has 'to' but is not a ref");
	ERR("kinds:\n  a:\n    fields:\n      x: {type: ref, to: actr}\n",
	    4, 7, "field 'x' refers to unknown kind 'actr'");
	ERR("kinds:\n  a:\n    fields:\n      x: {type: ref, to: [a, b]}\n",
	    4, 7, "field 'x' refers to unknown kind 'b'");
	ERR("kinds:\n  a:\n    fields:\n      x: {type: string, requird: true}\n",
	    4, 25, "unknown key 'requird' in the spec of field 'x' "
	    "(did you mean 'required'?)");
	ERR("kinds:\n  a:\n    fields:\n      x: {type: string, lst: true}\n",
	    4, 25, "unknown key 'lst' in the spec of field 'x' "
	    "(did you mean 'list'?)");
	ERR("kinds:\n  a:\n    fields:\n      x: {list: true}\n", 4, 10,
	    "field 'x' has no 'type'");
	ERR("kinds:\n  a:\n    fields:\n      x: {type: string, list: yes}\n",
	    4, 31, "'list' must be true or false");
	ERR("kinds:\n  a:\n    fields:\n      x: {type: string, required: 1}\n",
	    4, 35, "'required' must be true or false");
	ERR("kinds:\n  a:\n    fields:\n      x: {type: string, pattern: '(a'}\n",
	    4, 34, "bad pattern: missing closing parenthesis");
	ERR("kinds:\n  a:\n    fields:\n      x: string\n", 4, 10,
	    "a field spec must be a mapping");
	ERR("kinds:\n  a:\n    fields:\n      x: {type: [string]}\n", 4, 17,
	    "'type' must be a scalar");
	ERR("kinds:\n  a:\n    fields:\n      x: {type: enum, values: [a, [b]]}\n",
	    4, 35, "'values' must hold scalars");
	ERR("kinds:\n  a:\n    fields:\n      x: {type: enum, values: {a: b}}\n",
	    4, 31, "'values' must be a list");
	ERR("kinds:\n  a:\n    fields:\n      x: {type: string}\n      x: {type: int}\n",
	    5, 7, "field 'x' declared twice");
	ERR("kinds:\n  a:\n    fields:\n      '': {type: string}\n", 4, 7,
	    "a field name must be a non-empty scalar");
	ERR("kinds:\n  a:\n    fields:\n      x: {type: ref, to: {a: b}}\n", 4, 26,
	    "'to' must be a list");
	ERR("kinds:\n  a:\n    fields:\n      x: {type: ref, to: [[a]]}\n", 4, 27,
	    "'to' must hold scalars");
	ERR("kinds:\n  a:\n    fields:\n      x: {type: string, pattern: [a]}\n",
	    4, 34, "'pattern' must be a scalar");
	ERR("kinds:\n  a:\n    fields:\n      x: {type: string, description: {}}\n",
	    4, 38, "'description' must be a scalar");
	ERR("kinds:\n  a: {plural: [as]}\n", 2, 15, "'plural' must be a scalar");
	ERR("kinds:\n  a: {description: [x]}\n", 2, 20,
	    "'description' must be a scalar");
}

static void builtin_fields(void **state)
{
	(void)state;
	ERR("kinds:\n  a:\n    fields:\n      id: {type: string}\n", 4, 7,
	    "field 'id' is built in and cannot be declared");
	ERR("common:\n  kind: {type: string}\nkinds:\n  a: {}\n", 2, 3,
	    "field 'kind' is built in and cannot be declared");
}

static void kind_errors(void **state)
{
	(void)state;
	ERR("kinds:\n  a:\n    plurl: as\n", 3, 5,
	    "unknown key 'plurl' in kind 'a' (did you mean 'plural'?)");
	ERR("kinds:\n  a:\n    colour: red\n", 3, 5, "unknown key 'colour' in kind 'a'");
	ERR("kinds:\n  a: {plural: xs}\n  b: {plural: xs}\n", 3, 3,
	    "kinds 'a' and 'b' have the same plural 'xs'");
	ERR("kinds:\n  a: {}\n  a: {}\n", 3, 3, "kind 'a' declared twice");
	ERR("kinds:\n  a: [x]\n", 2, 6, "a kind must be a mapping");
	ERR("kinds:\n  a:\n    fields: [x]\n", 3, 13, "'fields' must be a mapping");
	ERR("kinds: [a]\n", 1, 8, "'kinds' must be a mapping");
	ERR("kinds:\n  '': {}\n", 2, 3, "a kind name must be a non-empty scalar");
}

static void root_errors(void **state)
{
	(void)state;
	ERR("comon:\n  name: {type: string}\nkinds:\n  a: {}\n", 1, 1,
	    "unknown key 'comon' in the schema (did you mean 'common'?)");
	ERR("common:\n  name: {type: string}\n", 1, 1, "the schema has no 'kinds'");
	ERR("", 1, 1, "the schema is empty");
	ERR("- a\n", 1, 1, "the schema must be a mapping");
	ERR("common: [a]\nkinds:\n  a: {}\n", 1, 9, "'common' must be a mapping");
}

static void syntax_error_located(void **state)
{
	struct kb_error *e = bad("kinds:\n  a: {plural: [x}\n");

	(void)state;
	assert_int_equal(e->code, KB_ESYNTAX);
	assert_string_equal(e->file, "kb/schema.yaml");
	assert_int_equal(e->line, 2);
	assert_int_equal(e->col, 17);
	assert_string_equal(e->message, "yaml: did not find expected ',' or ']' "
			    "(while parsing a flow sequence at 2:15)");
	/* a reader error is located too */
	e = bad("kinds:\n  a: {plural: \"x\xffy\"}\n");
	assert_error(e, KB_ESYNTAX, "kb/schema.yaml", 2, 17,
		     "yaml: invalid leading UTF-8 octet (byte 0xFF)");
}

static void type_names(void **state)
{
	(void)state;
	assert_string_equal(kb_type_name(KB_TYPE_STRING), "string");
	assert_string_equal(kb_type_name(KB_TYPE_TEXT), "text");
	assert_string_equal(kb_type_name(KB_TYPE_DATE), "date");
	assert_string_equal(kb_type_name(KB_TYPE_ENUM), "enum");
	assert_string_equal(kb_type_name(KB_TYPE_REF), "ref");
	assert_string_equal(kb_type_name(KB_TYPE_INT), "int");
	assert_string_equal(kb_type_name(KB_TYPE_URL), "url");
	assert_string_equal(kb_type_name((enum kb_type)99), "?");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_key),
		cmocka_unit_test(common_fields_first),
		cmocka_unit_test(names_are_interned),
		cmocka_unit_test(schemaless),
		cmocka_unit_test(field_errors),
		cmocka_unit_test(builtin_fields),
		cmocka_unit_test(kind_errors),
		cmocka_unit_test(root_errors),
		cmocka_unit_test(syntax_error_located),
		cmocka_unit_test(type_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
