/*
 * escape.c - the one escaping rule for everything kbq writes for people to
 * read (SPEC section 5).
 *
 * A KB may come from a stranger, so every byte taken from it (values, keys,
 * ids, kinds, file names) is hostile.  Text tables, show, grep, timeline,
 * stats, schema, -o id, the change commands' lines and every diagnostic
 * write such text through the functions here, which never let through a
 * byte that could move the cursor, retitle a terminal, reorder what is
 * shown, or end a line:
 *
 *   line feed, tab, carriage return    \n  \t  \r
 *   other C0 controls, DEL             \xHH      (\x1b for ESC)
 *   C1 controls (U+0080..U+009F)       \uHHHH    (\u009b)
 *   U+2028, U+2029 (line/paragraph separators), the bidi controls
 *   U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069
 *                                      \uHHHH    (\u202e)
 *   a byte that is not part of valid UTF-8 (a file name in Latin-1)
 *                                      \xHH
 *
 * Everything else, backslashes included, is written as it is: this output
 * is for reading, and the machine formats (json, jsonl, yaml, tsv, csv)
 * carry values exactly.  tsv uses the same classes with KBQ_ESC_BACKSLASH,
 * which also writes a backslash as \\ so that its escapes can be undone.
 */
#include "kbq.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * The length of the well-formed UTF-8 sequence at s (1 to 4 bytes) and its
 * code point, or 0 when the byte at s starts none (stray continuation byte,
 * overlong form, surrogate, beyond U+10FFFF, cut short).
 */
static size_t utf8_seq(const unsigned char *s, size_t len, uint32_t *cp)
{
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

/* Code points that must not reach a terminal raw. */
static bool unsafe_cp(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C ||
	       cp == 0x200E || cp == 0x200F || cp == 0x2028 || cp == 0x2029 ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/*
 * The escape for the character at s into out (at most 7 bytes and a NUL),
 * and the number of input bytes it stands for; out is empty when the
 * character is safe as it is.
 */
static size_t escape_one(const char *s, size_t len, unsigned flags,
			 char out[8])
{
	uint32_t cp;
	size_t n = utf8_seq((const unsigned char *)s, len, &cp);

	out[0] = '\0';
	if (!n) {
		snprintf(out, 8, "\\x%02x", (unsigned char)s[0]);
		return 1;
	}
	if (cp == '\\' && (flags & KBQ_ESC_BACKSLASH)) {
		memcpy(out, "\\\\", 3);
	} else if (!unsafe_cp(cp)) {
		return n;
	} else if (cp == '\n') {
		memcpy(out, "\\n", 3);
	} else if (cp == '\t') {
		memcpy(out, "\\t", 3);
	} else if (cp == '\r') {
		memcpy(out, "\\r", 3);
	} else if (cp < 0x80) {
		snprintf(out, 8, "\\x%02x", (unsigned)cp);
	} else {
		snprintf(out, 8, "\\u%04x", (unsigned)cp);
	}
	return n;
}

/* Bytes that are always safe: printable ASCII (and not a backslash when
 * backslashes are escaped). */
static bool plain_byte(unsigned char c, unsigned flags)
{
	return c >= 0x20 && c < 0x7F && !(c == '\\' && (flags & KBQ_ESC_BACKSLASH));
}

void kbq_esc_write_flags(FILE *fp, const char *s, size_t len, unsigned flags)
{
	size_t i = 0, start = 0, n;
	char e[8];

	while (i < len) {
		if (plain_byte((unsigned char)s[i], flags)) {
			i++;
			continue;
		}
		n = escape_one(s + i, len - i, flags, e);
		if (!*e) {
			i += n;
			continue;
		}
		fwrite(s + start, 1, i - start, fp);
		fputs(e, fp);
		i += n;
		start = i;
	}
	fwrite(s + start, 1, len - start, fp);
}

void kbq_esc_write(FILE *fp, const char *s, size_t len)
{
	kbq_esc_write_flags(fp, s, len, 0);
}

void kbq_esc_puts(FILE *fp, const char *s)
{
	kbq_esc_write_flags(fp, s, strlen(s), 0);
}

char *kbq_esc_dup(const char *s, size_t len, size_t *outlen)
{
	size_t i = 0, o = 0, n, el;
	char e[8], *buf;

	/* each input byte grows to at most 6 bytes (\u0085 from 2 bytes is
	 * 3x; \xHH from 1 byte is 4x) */
	buf = xmalloc(len * 4 + 1);
	while (i < len) {
		if (plain_byte((unsigned char)s[i], 0)) {
			buf[o++] = s[i++];
			continue;
		}
		n = escape_one(s + i, len - i, 0, e);
		if (*e) {
			el = strlen(e);
			memcpy(buf + o, e, el);
			o += el;
		} else {
			memcpy(buf + o, s + i, n);
			o += n;
		}
		i += n;
	}
	buf[o] = '\0';
	if (outlen)
		*outlen = o;
	return buf;
}

void kbq_esc_vprintf(FILE *fp, const char *fmt, va_list ap)
{
	char small[512], *big = NULL;
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	if (n >= 0 && (size_t)n >= sizeof(small)) {
		big = xmalloc((size_t)n + 1);
		vsnprintf(big, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	if (n > 0)
		kbq_esc_write(fp, big ? big : small, (size_t)n);
	free(big);
}

void kbq_esc_printf(FILE *fp, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kbq_esc_vprintf(fp, fmt, ap);
	va_end(ap);
}
