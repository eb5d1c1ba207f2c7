/*
 * yamlw.c - writing a value as YAML so that every reader reads back the
 * same text: plain when no YAML 1.1 or 1.2 reader (libyaml, PyYAML, yq)
 * would type it or stop early, else double-quoted with escapes, or a
 * literal block scalar for text of several lines when that holds it
 * exactly.  Used by the change commands (edit.c) and by `-o yaml`.
 */
#include "kb-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* ---- a growable string ------------------------------------------------------ */

int kb_buf_add(struct kb_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap &&
	    kb_grow((void **)&b->s, &b->cap, b->len + n + 1, 1) < 0)
		return -1;
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

int kb_buf_str(struct kb_buf *b, const char *s)
{
	return kb_buf_add(b, s, strlen(s));
}

void kb_buf_free(struct kb_buf *b)
{
	free(b->s);
	memset(b, 0, sizeof(*b));
}

/* ---- what a reader would misread ------------------------------------------------ */

/* The words YAML 1.1 or 1.2 readers take for a null or a boolean, in any
 * case. */
static bool keyword(const char *s, size_t len)
{
	static const char *const words[] = { "y", "n", "yes", "no", "true",
		"false", "on", "off", "null", "nan", "inf" };
	size_t i, j;

	for (i = 0; i < sizeof(words) / sizeof(*words); i++) {
		if (strlen(words[i]) != len)
			continue;
		for (j = 0; j < len; j++)
			if ((s[j] | 0x20) != words[i][j])
				break;
		if (j == len)
			return true;
	}
	return false;
}

size_t kb_utf8_seq(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t n, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		n = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4;
	else
		return 0;
	if (len < n)
		return 0;
	/* the second byte's range excludes overlongs, surrogates and
	 * code points past U+10FFFF */
	if (c == 0xE0)
		lo = 0xA0;
	else if (c == 0xED)
		hi = 0x9F;
	else if (c == 0xF0)
		lo = 0x90;
	else if (c == 0xF4)
		hi = 0x8F;
	if (s[1] < lo || s[1] > hi)
		return 0;
	*cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
	for (i = 1; i < n; i++) {
		if (i > 1 && (s[i] & 0xC0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3F);
	}
	return n;
}

/* The code point at s (0 when not UTF-8, then *n is 1). */
static unsigned cp_at(const unsigned char *s, size_t left, size_t *n)
{
	uint32_t cp;

	if (!(*n = kb_utf8_seq((const char *)s, left, &cp))) {
		*n = 1;
		return 0;
	}
	return cp;
}

/* A code point that a reader takes as a line break or refuses raw (C1,
 * NEL, LS, PS, U+FFFE, U+FFFF, a BOM), or that must not reach a terminal
 * raw (bidi controls), when `strict`. */
static bool awkward_cp(unsigned cp, bool strict)
{
	if ((cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
	    cp == 0xFFFE || cp == 0xFFFF || cp == 0xFEFF)
		return true;
	return strict && (cp == 0x061C || cp == 0x200E || cp == 0x200F ||
			  (cp >= 0x202A && cp <= 0x202E) ||
			  (cp >= 0x2066 && cp <= 0x2069));
}

/*
 * Plain only when every YAML reader reads it back as the same string: it
 * starts with a letter or a non-ASCII character, so no number, date,
 * sexagesimal, octal, hex, .inf, ~ or indicator can be read; it is no
 * keyword; no ": " or " #" inside, no space or ':' at the end, no control
 * character.  In a flow collection, none of ",[]{}:#" either.
 */
bool kb_yaml_plain_ok(const char *s, size_t len, unsigned flags)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, n;

	if (!len || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') ||
		      u[0] >= 0x80))
		return false;
	if (keyword(s, len) || s[len - 1] == ' ' || s[len - 1] == ':')
		return false;
	for (i = 0; i < len; i += n) {
		unsigned char c = u[i];

		n = 1;
		if (c < 0x20 || c == 0x7f)
			return false;
		if (c == ':' && i + 1 < len && s[i + 1] == ' ')
			return false;
		if (c == '#' && i && s[i - 1] == ' ')
			return false;
		if ((flags & KB_YAML_FLOW) && strchr(",[]{}:#", c))
			return false;
		if (c >= 0x80 &&
		    awkward_cp(cp_at(u + i, len - i, &n), flags & KB_YAML_STRICT))
			return false;
	}
	return true;
}

/* ---- writers -------------------------------------------------------------------- */

int kb_yaml_double(struct kb_buf *b, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	char esc[16];
	size_t i, n, from = 0;

	if (kb_buf_add(b, "\"", 1) < 0)
		return -1;
	for (i = 0; i < len; i += n) {
		unsigned char c = u[i];
		unsigned cp;

		n = 1;
		esc[0] = '\0';
		switch (c) {
		case '"': strcpy(esc, "\\\""); break;
		case '\\': strcpy(esc, "\\\\"); break;
		case '\n': strcpy(esc, "\\n"); break;
		case '\t': strcpy(esc, "\\t"); break;
		case '\r': strcpy(esc, "\\r"); break;
		default:
			if (c < 0x20 || c == 0x7f) {
				snprintf(esc, sizeof(esc), "\\x%02X", c);
			} else if (c >= 0x80) {
				cp = cp_at(u + i, len - i, &n);
				if (awkward_cp(cp, true))
					snprintf(esc, sizeof(esc), "\\u%04X", cp);
			}
		}
		if (!esc[0])
			continue;
		if (kb_buf_add(b, s + from, i - from) < 0 || kb_buf_str(b, esc) < 0)
			return -1;
		from = i + n;
	}
	if (kb_buf_add(b, s + from, len - from) < 0 || kb_buf_add(b, "\"", 1) < 0)
		return -1;
	return 0;
}

int kb_yaml_scalar(struct kb_buf *b, const char *s, size_t len, unsigned flags)
{
	if (kb_yaml_plain_ok(s, len, flags | KB_YAML_STRICT))
		return kb_buf_add(b, s, len);
	return kb_yaml_double(b, s, len);
}

/* libyaml's reading of "k: " + yaml: true when it is exactly s. */
static bool reads_back(const char *yaml, size_t ylen, const char *s, size_t len)
{
	yaml_parser_t p;
	yaml_event_t ev;
	bool ok = false, done = false;
	int scalars = 0;

	if (!yaml_parser_initialize(&p))
		return false;
	yaml_parser_set_input_string(&p, (const unsigned char *)yaml, ylen);
	while (!done && yaml_parser_parse(&p, &ev)) {
		if (ev.type == YAML_SCALAR_EVENT && ++scalars == 2)
			ok = ev.data.scalar.length == len &&
			     !memcmp(ev.data.scalar.value, s, len);
		if (ev.type == YAML_SCALAR_EVENT && scalars > 2)
			ok = false;
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return ok && done;
}

/*
 * Text of several lines as a literal block scalar ("|" or "|-", each line
 * after `indent` spaces, lines joined by `eol`; the line break after the
 * last line is the one that follows in the file), when that holds it
 * exactly: printable characters and tabs only, one line break at most at
 * the end (more would need "|+", which swallows the blank lines after it),
 * no line that would change how the indentation is found.  1 written, 0
 * not possible (nothing written), -1 out of memory.
 */
int kb_yaml_literal(struct kb_buf *b, const char *s, size_t len,
		    size_t indent, const char *eol)
{
	const unsigned char *u = (const unsigned char *)s;
	struct kb_buf t, check;
	size_t i, n, body = len, start;
	bool clip;
	int rc = 0;

	if (!memchr(s, '\n', len) || indent > 64)
		return 0;
	clip = s[len - 1] == '\n';
	if (clip)
		body--;
	if (!body || s[body - 1] == '\n' || s[0] == ' ' || s[0] == '\t' ||
	    s[0] == '\n')
		return 0;
	for (i = 0; i < len; i += n) {
		n = 1;
		if ((u[i] < 0x20 && u[i] != '\n' && u[i] != '\t') || u[i] == 0x7f)
			return 0;
		if (u[i] >= 0x80 && awkward_cp(cp_at(u + i, len - i, &n), true))
			return 0;
	}
	memset(&t, 0, sizeof(t));
	memset(&check, 0, sizeof(check));
	if (kb_buf_str(&t, clip ? "|" : "|-") < 0)
		goto oom;
	for (start = 0; start < body; start = i + 1) {
		const char *nl = memchr(s + start, '\n', body - start);

		i = nl ? (size_t)(nl - s) : body;
		if (kb_buf_str(&t, eol) < 0)
			goto oom;
		if (i > start) {
			for (n = 0; n < indent; n++)
				if (kb_buf_add(&t, " ", 1) < 0)
					goto oom;
			if (kb_buf_add(&t, s + start, i - start) < 0)
				goto oom;
		}
	}
	/* written as it would stand in a file, read back by libyaml */
	if (kb_buf_str(&check, "k: ") < 0 || kb_buf_add(&check, t.s, t.len) < 0 ||
	    kb_buf_str(&check, eol) < 0)
		goto oom;
	if (reads_back(check.s, check.len, s, len)) {
		if (kb_buf_add(b, t.s, t.len) < 0)
			goto oom;
		rc = 1;
	}
	kb_buf_free(&t);
	kb_buf_free(&check);
	return rc;
oom:
	kb_buf_free(&t);
	kb_buf_free(&check);
	return -1;
}
