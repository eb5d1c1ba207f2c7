/*
 * fuzz-load.c - libFuzzer target for the loader: the input is one KB file,
 * loaded through kb_open_mem without a schema, with the fixture schema
 * (then validated), and streamed.  Every record that loads is walked so
 * that a bad length or position shows up under ASan.
 */
#include "kb.h"
#include "fixture.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static volatile size_t sink;

static void touch_record(const struct kb_record *rec)
{
	uint32_t i, j;

	sink += strlen(rec->id) + strlen(rec->kind) + rec->line + rec->col;
	for (i = 0; i < rec->nfields; i++) {
		const struct kb_field *f = &rec->fields[i];

		sink += strlen(f->name) + f->line + f->col;
		for (j = 0; j < f->count; j++) {
			/* a value's text runs len bytes and is then NUL-ended */
			sink += f->values[j].len + f->values[j].line;
			sink += (unsigned char)f->values[j].text[f->values[j].len];
			if (f->values[j].len)
				sink += (unsigned char)f->values[j].text[0];
		}
	}
}

static void on_diag(const struct kb_diag *d, void *ud)
{
	(void)ud;
	sink += strlen(d->message) + d->line + (d->file ? strlen(d->file) : 0);
}

static void on_backlink(const struct kb_record *rec,
			const struct kb_field *field, void *ud)
{
	(void)ud;
	sink += rec->index + field->count;
}

static int on_stream(const struct kb_record *rec, void *ud)
{
	(void)ud;
	touch_record(rec);
	return 0;
}

static void check_kb(struct kb *kb)
{
	size_t i, n = kb_count(kb);

	for (i = 0; i < n; i++) {
		const struct kb_record *rec = kb_at(kb, i);

		touch_record(rec);
		/* the id index must find every record it kept */
		if (kb_get(kb, rec->id) != rec)
			__builtin_trap();
		if (i < 8)
			kb_backlinks(kb, rec->id, on_backlink, NULL);
	}
	sink += kb_validate(kb, on_diag, NULL);
	if (n)
		sink += kb_suggest_id(kb, "ann") != NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kb_memfile files[2] = {
		{ "kb/in.yaml", (const char *)data, size },
		{ "kb/schema.yaml", fuzz_schema, sizeof(fuzz_schema) - 1 },
	};
	struct kb_open_opts sopts = { .stream = true };
	struct kb_error err = { 0 };
	struct kb *kb;

	if (!kb_open_mem(&kb, files, 1, NULL, &err)) {
		check_kb(kb);
		kb_free(kb);
	} else if (!err.message[0] || kb) {
		__builtin_trap();	/* an error must say something */
	}
	kb_error_free(&err);

	if (!kb_open_mem(&kb, files, 2, NULL, &err)) {
		check_kb(kb);
		kb_free(kb);
	}
	kb_error_free(&err);

	if (!kb_open_mem(&kb, files, 2, &sopts, &err)) {
		sink += kb_stream(kb, on_stream, NULL, &err);
		kb_free(kb);
	}
	kb_error_free(&err);
	return 0;
}
