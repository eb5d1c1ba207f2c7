/*
 * fuzz-query.c - libFuzzer target for the expression compiler and matcher.
 * The input is split into argv words on NUL or newline.  Leading words
 * that look like kbq options pick what the command line would:
 *   -i, -F             KB_Q_ICASE, KB_Q_FIXED
 *   --as-of=DATE       the as-of date
 *   --kind=PLURAL      restrict to that kind (repeatable)
 *   --schemaless       use the fixture records without their schema
 *   --grep=REGEX       also search every value with kb_regex_search
 * The rest is the expression, compiled against the fixture KB and matched
 * against each of its records.
 */
#include "kb.h"
#include "fixture.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_KINDS 8

static volatile size_t sink;

static struct kb *open_fixture(bool schemaless)
{
	struct kb_memfile files[2] = {
		{ "kb/records.yaml", fuzz_records, sizeof(fuzz_records) - 1 },
		{ "kb/schema.yaml", fuzz_schema, sizeof(fuzz_schema) - 1 },
	};
	struct kb_error err;
	struct kb *kb;

	/* The fixture is fixed: failing to load it is a bug in itself. */
	if (kb_open_mem(&kb, files, schemaless ? 1 : 2, NULL, &err))
		abort();
	return kb;
}

static void grep_kb(const struct kb *kb, const char *re_src, unsigned flags)
{
	struct kb_regex *re;
	struct kb_error err;
	size_t i, s, e;
	uint32_t j, k;

	if (kb_regex_compile(&re, re_src, strlen(re_src), flags, &err)) {
		kb_error_free(&err);
		return;
	}
	for (i = 0; i < kb_count(kb); i++) {
		const struct kb_record *rec = kb_at(kb, i);

		for (j = 0; j < rec->nfields; j++)
			for (k = 0; k < rec->fields[j].count; k++) {
				const struct kb_value *v = &rec->fields[j].values[k];

				if (kb_regex_search(re, v->text, v->len,
						    &s, &e) == 1 &&
				    (s > e || e > v->len))
					__builtin_trap();
			}
	}
	kb_regex_free(re);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct kb_kind *kinds[MAX_KINDS];
	const char *as_of = NULL, *grep = NULL;
	const char **words;
	bool schemaless = false;
	size_t nwords = 0, nkinds = 0, i, w0;
	unsigned flags = 0;
	struct kb_query *q;
	struct kb_error err;
	struct kb *kb;
	char *buf;

	if (!(buf = malloc(size + 1)) ||
	    !(words = malloc((size + 1) * sizeof(*words)))) {
		free(buf);
		return 0;
	}
	memcpy(buf, data, size);
	buf[size] = '\0';
	words[nwords++] = buf;
	for (i = 0; i < size; i++)
		if (buf[i] == '\n' || buf[i] == '\0') {
			buf[i] = '\0';
			words[nwords++] = &buf[i + 1];
		}
	/* A trailing separator ends the last word rather than adding one. */
	if (size && (data[size - 1] == '\n' || data[size - 1] == '\0'))
		nwords--;

	for (w0 = 0; w0 < nwords; w0++) {
		const char *w = words[w0];

		if (!strcmp(w, "-i"))
			flags |= KB_Q_ICASE;
		else if (!strcmp(w, "-F"))
			flags |= KB_Q_FIXED;
		else if (!strcmp(w, "--schemaless"))
			schemaless = true;
		else if (!strncmp(w, "--as-of=", 8))
			as_of = w + 8;
		else if (!strncmp(w, "--grep=", 7))
			grep = w + 7;
		else if (!strncmp(w, "--kind=", 7))
			continue;	/* resolved once the KB is open */
		else
			break;
	}

	kb = open_fixture(schemaless);
	for (i = 0; i < w0; i++) {
		const struct kb_kind *k;

		if (strncmp(words[i], "--kind=", 7) || nkinds == MAX_KINDS)
			continue;
		if ((k = kb_kind_by_plural(kb, words[i] + 7)))
			kinds[nkinds++] = k;
	}

	memset(&err, 0, sizeof(err));
	if (!kb_query_compile(&q, kb, words + w0, nwords - w0,
			      nkinds ? kinds : NULL, nkinds, flags, as_of,
			      &err)) {
		for (i = 0; i < kb_count(kb); i++) {
			int m = kb_query_match(q, kb_at(kb, i), &err);

			if (m != 0 && m != 1 && m != -KB_EMATCH)
				__builtin_trap();
			if (m < 0)
				kb_error_free(&err);
		}
		sink += kb_query_follows_refs(q);
		kb_query_free(q);
	} else {
		/* An error must point inside the expression it refuses. */
		if (!err.message[0] || q)
			__builtin_trap();
		if (err.word >= 0 && (size_t)err.word < nwords - w0 &&
		    err.offset > strlen(words[w0 + err.word]))
			__builtin_trap();
		kb_error_free(&err);
	}
	if (grep)
		grep_kb(kb, grep, flags);
	kb_free(kb);
	free(words);
	free(buf);
	return 0;
}
