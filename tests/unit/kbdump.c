/* kbdump.c - see kbdump.h. */
#include "kbdump.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reserve(struct kbdump *d, size_t more)
{
	size_t cap;
	char *s;

	if (d->len + more + 1 <= d->cap)
		return;
	cap = d->cap ? d->cap : 4096;
	while (cap < d->len + more + 1)
		cap *= 2;
	if (!(s = realloc(d->s, cap)))
		abort();
	d->s = s;
	d->cap = cap;
}

void kbdump_init(struct kbdump *d)
{
	d->s = NULL;
	d->len = d->cap = 0;
	reserve(d, 0);
	d->s[0] = '\0';
}

void kbdump_free(struct kbdump *d)
{
	free(d->s);
	d->s = NULL;
	d->len = d->cap = 0;
}

void kbdump_reset(struct kbdump *d)
{
	d->len = 0;
	d->s[0] = '\0';
}

void kbdump_printf(struct kbdump *d, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	reserve(d, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(d->s + d->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	d->len += (size_t)n;
}

void kbdump_escaped(struct kbdump *d, const char *s, size_t n)
{
	size_t i;

	reserve(d, 4 * n + 2);
	d->s[d->len++] = '"';
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *e = NULL;

		switch (c) {
		case '\n': e = "\\n"; break;
		case '\r': e = "\\r"; break;
		case '\t': e = "\\t"; break;
		case '\\': e = "\\\\"; break;
		case '"': e = "\\\""; break;
		default: break;
		}
		if (e) {
			d->s[d->len++] = e[0];
			d->s[d->len++] = e[1];
		} else if (c < 0x20 || c >= 0x7F) {
			snprintf(d->s + d->len, 5, "\\x%02X", c);
			d->len += 4;
		} else {
			d->s[d->len++] = (char)c;
		}
	}
	d->s[d->len++] = '"';
	d->s[d->len] = '\0';
}

static void text(struct kbdump *d, const char *s)
{
	if (s)
		kbdump_escaped(d, s, strlen(s));
	else
		kbdump_printf(d, "NULL");
}

void kbdump_record(struct kbdump *d, const struct kb_record *rec)
{
	const struct kb_field *idf = NULL;
	uint32_t i, j;

	kbdump_printf(d, "record %zu id ", rec->index);
	text(d, rec->id);
	kbdump_printf(d, " kind ");
	text(d, rec->kind);
	kbdump_printf(d, " file ");
	text(d, rec->file);
	kbdump_printf(d, " at %u:%u fields %u\n", (unsigned)rec->line,
		      (unsigned)rec->col, (unsigned)rec->nfields);
	for (i = 0; i < rec->nfields; i++) {
		const struct kb_field *f = &rec->fields[i];

		if (f->name && !strcmp(f->name, "id"))
			idf = f;
		kbdump_printf(d, "  field ");
		text(d, f->name);
		kbdump_printf(d, " at %u:%u %s count %u\n", (unsigned)f->line,
			      (unsigned)f->col, f->is_list ? "list" : "scalar",
			      (unsigned)f->count);
		for (j = 0; j < f->count; j++) {
			const struct kb_value *v = &f->values[j];

			kbdump_printf(d, "    value ");
			kbdump_escaped(d, v->text, v->len);
			kbdump_printf(d, " len %u at %u:%u", (unsigned)v->len,
				      (unsigned)v->line, (unsigned)v->col);
			if (v->text[v->len] != '\0')
				kbdump_printf(d, " NOT-NUL-TERMINATED");
			kbdump_printf(d, "\n");
		}
	}
	if (!idf || !idf->count || !rec->id || strcmp(idf->values[0].text, rec->id))
		kbdump_printf(d, "  ID-FIELD-MISMATCH\n");
}

static const char *code_name(int code)
{
	static const char *const names[] = {
		"KB_OK", "KB_ENOMEM", "KB_EIO", "KB_ESYNTAX", "KB_ESTRUCT",
		"KB_ESCHEMA", "KB_ELIMIT", "KB_EEXPR", "KB_EMATCH", "KB_EUSAGE",
	};

	if (code >= 0 && (size_t)code < sizeof(names) / sizeof(names[0]))
		return names[code];
	return "KB_E?";
}

void kbdump_error(struct kbdump *d, const struct kb_error *err)
{
	/* a zeroed error (a stream stopped by its callback) holds NULLs */
	const char *file = err->file ? err->file : "",
		   *msg = err->message ? err->message : "";

	kbdump_printf(d, "error %s(%d) ", code_name((int)err->code),
		      (int)err->code);
	kbdump_escaped(d, file, strlen(file));
	kbdump_printf(d, ":%u:%u ", err->line, err->col);
	kbdump_escaped(d, msg, strlen(msg));
	kbdump_printf(d, "\n");
}

void kbdump_result(struct kbdump *d, int rc, const struct kb_error *err)
{
	kbdump_printf(d, "rc %d\n", rc);
	if (rc)
		kbdump_error(d, err);
}

void kbdump_kb(struct kbdump *d, const struct kb *kb)
{
	size_t i, n = kb_count(kb);

	kbdump_printf(d, "records %zu\n", n);
	for (i = 0; i < n; i++) {
		const struct kb_record *rec = kb_at(kb, i);
		uint32_t j;

		kbdump_record(d, rec);
		if (rec->index != i)
			kbdump_printf(d, "  INDEX-NOT-POSITION %zu\n", i);
		if (kb_get(kb, rec->id) != rec)
			kbdump_printf(d, "  KB_GET-MISSES\n");
		if (kb_name(kb, rec->kind) != rec->kind)
			kbdump_printf(d, "  KIND-NOT-INTERNED\n");
		for (j = 0; j < rec->nfields; j++)
			if (kb_name(kb, rec->fields[j].name) !=
			    rec->fields[j].name)
				kbdump_printf(d, "  NAME-NOT-INTERNED %u\n",
					      (unsigned)j);
	}
}

struct streaming {
	struct kbdump *d;
	struct kb *kb;
	size_t stop_at, seen;
	const struct kb_record **kept;
	size_t nkept, capkept;
};

static int on_record(const struct kb_record *rec, void *ud)
{
	struct streaming *s = ud;

	kbdump_record(s->d, rec);
	s->seen++;
	if (rec->index != s->seen - 1)
		kbdump_printf(s->d, "  INDEX-NOT-ORDER %zu\n", s->seen - 1);
	if (rec->index % 5 == 0) {
		const struct kb_record *k = kb_keep(s->kb, rec);

		if (!k)
			abort();
		if (s->nkept == s->capkept) {
			s->capkept = s->capkept ? 2 * s->capkept : 16;
			s->kept = realloc(s->kept, s->capkept * sizeof(*s->kept));
			if (!s->kept)
				abort();
		}
		s->kept[s->nkept++] = k;
	}
	return s->stop_at && s->seen == s->stop_at ? KBDUMP_STOP : 0;
}

int kbdump_stream(struct kbdump *d, struct kb *kb, size_t stop_at,
		  size_t *streamed, struct kb_error *err)
{
	struct streaming s;
	size_t i;
	int rc;

	memset(&s, 0, sizeof(s));
	s.d = d;
	s.kb = kb;
	s.stop_at = stop_at;
	kbdump_printf(d, "stream stop-at %zu\n", stop_at);
	rc = kb_stream(kb, on_record, &s, err);
	kbdump_printf(d, "streamed %zu kept %zu\n", s.seen, s.nkept);
	for (i = 0; i < s.nkept; i++) {
		kbdump_printf(d, "kept ");
		kbdump_record(d, s.kept[i]);
	}
	free(s.kept);
	kbdump_result(d, rc, err);
	if (streamed)
		*streamed = s.seen;
	return rc;
}

int kbdump_open_mem(struct kbdump *d, const struct kb_memfile *files,
		    size_t n, const struct kb_open_opts *opts, struct kb **out)
{
	struct kb_open_opts o;
	struct kb_error err;
	struct kb *kb = NULL;
	int rc;

	memset(&o, 0, sizeof(o));
	if (opts)
		o = *opts;
	o.stream = false;
	memset(&err, 0, sizeof(err));
	rc = kb_open_mem(&kb, files, n, &o, &err);
	kbdump_result(d, rc, &err);
	kb_error_free(&err);
	if (!rc) {
		kbdump_kb(d, kb);
		kbdump_stream(d, kb, 0, NULL, &err);
		kb_error_free(&err);
	}
	if (out)
		*out = kb;
	else
		kb_free(kb);
	return rc;
}

void kbdump_diff(const char *a, const char *b, char *buf, size_t size)
{
	size_t line = 1, i = 0, sa, sb, ea, eb;
	int back = 0;

	while (a[i] && a[i] == b[i]) {
		if (a[i] == '\n')
			line++;
		i++;
	}
	if (!a[i] && !b[i]) {
		snprintf(buf, size, "(no difference)");
		return;
	}
	/* from the start of the line two lines before */
	sa = i;
	while (sa > 0 && back < 3) {
		if (a[sa - 1] == '\n')
			back++;
		if (back < 3)
			sa--;
	}
	sb = sa;
	for (ea = i; a[ea] && a[ea] != '\n'; ea++)
		;
	if (a[ea])
		for (ea++; a[ea] && a[ea] != '\n'; ea++)
			;
	for (eb = i; b[eb] && b[eb] != '\n'; eb++)
		;
	if (b[eb])
		for (eb++; b[eb] && b[eb] != '\n'; eb++)
			;
	snprintf(buf, size, "first difference at dump line %zu:\n--- one "
		 "thread:\n%.*s\n--- other:\n%.*s", line, (int)(ea - sa),
		 a + sa, (int)(eb - sb), b + sb);
}

/* libyaml's reader errors (yaml_parser_update_buffer and the decoders). */
static bool reader_error(int rc, const struct kb_error *err)
{
	static const char *const problems[] = {
		"invalid leading UTF-8 octet",
		"incomplete UTF-8 octet sequence",
		"invalid trailing UTF-8 octet",
		"invalid length of a UTF-8 sequence",
		"invalid Unicode character",
		"control characters are not allowed",
		"incomplete UTF-16 character",
		"unexpected low surrogate area",
		"incomplete UTF-16 surrogate pair",
		"expected low surrogate area",
		"input is too long",
	};
	size_t i;

	if (rc != KB_ESYNTAX)
		return false;
	for (i = 0; i < sizeof(problems) / sizeof(problems[0]); i++)
		if (!strncmp(err->message, "yaml: ", 6) &&
		    !strncmp(err->message + 6, problems[i], strlen(problems[i])))
			return true;
	return false;
}

/*
 * The tolerated difference: one thread ends in a reader error after
 * handing on a prefix of the records three threads hand on, and three
 * threads end in the same error or, having handed on more, in the
 * callback's stop.  A stream dump is "stream stop-at N", the records,
 * "streamed N kept N", the kept copies, then the result.
 */
bool kbdump_reader_prefix(const struct kbdump *a, int rca,
			  const struct kb_error *ea, const struct kbdump *b,
			  int rcb, const struct kb_error *eb)
{
	const char *ra, *rb, *enda, *endb;

	if (!reader_error(rca, ea))
		return false;
	if (rcb != KBDUMP_STOP &&
	    (rcb != rca || ea->line != eb->line || ea->col != eb->col ||
	     strcmp(ea->message, eb->message) || strcmp(ea->file, eb->file)))
		return false;
	/* the records: from the end of the first line to "\nstreamed " */
	ra = strchr(a->s, '\n');
	rb = strchr(b->s, '\n');
	enda = strstr(a->s, "\nstreamed ");
	endb = strstr(b->s, "\nstreamed ");
	return ra && rb && enda && endb && enda - ra <= endb - rb &&
	       !memcmp(ra, rb, (size_t)(enda - ra));
}
