/*
 * fuzz-schema.c - libFuzzer target for the schema loader: the input is
 * schema.yaml, loaded with the fixture's records; a schema that loads is
 * then listed and the records validated and queried against it.
 */
#include "kb.h"
#include "fixture.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static volatile size_t sink;

static void on_diag(const struct kb_diag *d, void *ud)
{
	(void)ud;
	sink += strlen(d->message) + d->line;
}

static void walk_schema(const struct kb *kb)
{
	size_t i, j, k;

	for (i = 0; i < kb_kind_count(kb); i++) {
		const struct kb_kind *kind = kb_kind_at(kb, i);

		sink += strlen(kind->name);
		if (kind->plural && kb_kind_by_plural(kb, kind->plural) == NULL)
			__builtin_trap();
		if (kb_kind_find(kb, kind->name) == NULL)
			__builtin_trap();
		for (j = 0; j < kind->nfields; j++) {
			const struct kb_fieldspec *f = &kind->fields[j];

			sink += strlen(f->name) + strlen(kb_type_name(f->type));
			for (k = 0; k < f->nvalues; k++)
				sink += strlen(f->values[k]);
			for (k = 0; k < f->nto; k++)
				sink += strlen(f->to[k]);
			if (f->pattern)
				sink += strlen(f->pattern);
			if (f->description)
				sink += strlen(f->description);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kb_memfile files[2] = {
		{ "kb/schema.yaml", (const char *)data, size },
		{ "kb/records.yaml", fuzz_records, sizeof(fuzz_records) - 1 },
	};
	static const char *const words[] = { "name~a", "or", "id?" };
	struct kb_query *q;
	struct kb_error err;
	struct kb *kb;
	size_t i;

	if (kb_open_mem(&kb, files, 2, NULL, &err)) {
		if (!err.message[0] || kb)
			__builtin_trap();
		kb_error_free(&err);
		return 0;
	}
	walk_schema(kb);
	sink += kb_validate(kb, on_diag, NULL);
	if (!kb_query_compile(&q, kb, words, 3, NULL, 0, 0, NULL, &err)) {
		for (i = 0; i < kb_count(kb); i++) {
			int m = kb_query_match(q, kb_at(kb, i), &err);

			sink += m;
			if (m < 0)
				kb_error_free(&err);
		}
		kb_query_free(q);
	} else {
		kb_error_free(&err);
	}
	kb_free(kb);
	return 0;
}
