/* regex.c - PCRE2 behind kb_regex: UTF-8, JIT when it works, bounded. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "kb-int.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

/*
 * PCRE2's match limit counts backtracking; a fixed one (10 million) let
 * ^(x|x|xx)+$ spend 35 ms on each 40-byte value, so a KB of N bytes cost
 * far more than N.  Each value now gets a first try within a limit in
 * proportion to its length, of which honest patterns use a small part
 * (one or two units a byte interpreted, less with JIT; ^(?:a|b|...|k)+$
 * eleven).  A value that needs more may draw on a pool that every value
 * matched so far has added to, from a start that lets a few costly values
 * through in any KB; when the pool is dry, the limit hit is an error (the
 * caller says where).  So all the matching a regex does costs at most a
 * constant times the bytes it looked at, plus POOL_BASE.
 */
#define TRY_BASE	64u
#define TRY_PER_BYTE	16u
#define POOL_BASE	((size_t)10000000)
#define POOL_PER_BYTE	4u
#define RETRY_MAX	((size_t)10000000)
/* The interpreter's backtracking depth, which its memory follows. */
#define DEPTH_LIMIT	10000u

struct kb_regex {
	pcre2_code *code;
	pcre2_match_data *md;
	pcre2_match_context *mc;
	size_t pool;		/* match-limit units a retry may draw on */
	/* -F without -i needs no regex engine, and so no pattern size
	 * limit: a plain byte search (or comparison, for a whole match) */
	char *lit;
	size_t litlen;
	bool whole;
};

static const char *find_bytes(const char *s, size_t n, const char *w,
			      size_t m)
{
	const char *p = s, *end = s + n;

	if (!m)
		return s;
	while (m <= (size_t)(end - p) &&
	       (p = memchr(p, w[0], (size_t)(end - p) - m + 1))) {
		if (!memcmp(p, w, m))
			return p;
		p++;
	}
	return NULL;
}

int kb_regex_compile(struct kb_regex **out, const char *pattern, size_t len,
		     unsigned flags, struct kb_error *err)
{
	uint32_t opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
	struct kb_regex *re;
	PCRE2_SIZE off;
	int code;

	*out = NULL;
	if (flags & KB_Q_ICASE)
		opts |= PCRE2_CASELESS;
	if (flags & KB_Q_FIXED)
		opts |= PCRE2_LITERAL;
	if (flags & KB_RE_WHOLE)
		opts |= PCRE2_ANCHORED | PCRE2_ENDANCHORED;
	if (!(re = calloc(1, sizeof(*re))))
		return kb_err(err, KB_ENOMEM, NULL, 0, 0, "out of memory");
	if ((flags & KB_Q_FIXED) && !(flags & KB_Q_ICASE)) {
		if (!(re->lit = malloc(len + 1))) {
			free(re);
			return kb_err(err, KB_ENOMEM, NULL, 0, 0, "out of memory");
		}
		memcpy(re->lit, pattern, len);
		re->lit[len] = '\0';
		re->litlen = len;
		re->whole = flags & KB_RE_WHOLE;
		*out = re;
		return 0;
	}
	re->code = pcre2_compile((PCRE2_SPTR)pattern, len, opts, &code, &off, NULL);
	if (!re->code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(code, msg, sizeof(msg));
		free(re);
		kb_err(err, KB_EEXPR, NULL, 0, 0, "%s", (const char *)msg);
		if (err) {
			err->offset = off;
			err->span = 1;
		}
		return KB_EEXPR;
	}
	/* JIT is an optimisation: when it is unavailable, interpret. */
	(void)pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
	re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
	re->mc = pcre2_match_context_create(NULL);
	if (!re->md || !re->mc) {
		kb_regex_free(re);
		return kb_err(err, KB_ENOMEM, NULL, 0, 0, "out of memory");
	}
	pcre2_set_depth_limit(re->mc, DEPTH_LIMIT);
	re->pool = POOL_BASE;
	*out = re;
	return 0;
}

static int match_within(const struct kb_regex *re, const char *s, size_t len,
			size_t limit)
{
	KB_WORK_ADD(regex_limit, limit);
	pcre2_set_match_limit(re->mc, (uint32_t)limit);
	return pcre2_match(re->code, (PCRE2_SPTR)s, len, 0, 0, re->md, re->mc);
}

/* pcre2_match() within the limits above. */
static int match(const struct kb_regex *cre, const char *s, size_t len)
{
	struct kb_regex *re = kb_unconst(cre);	/* match data and pool */
	size_t first = len < RETRY_MAX / TRY_PER_BYTE ?
		       TRY_BASE + TRY_PER_BYTE * len : RETRY_MAX, more;
	int rc;

	if (re->pool < SIZE_MAX / 2)
		re->pool += POOL_PER_BYTE * (len < SIZE_MAX / 8 ? len + 16 :
					     SIZE_MAX / 8);
	rc = match_within(re, s, len, first);
	if (rc != PCRE2_ERROR_MATCHLIMIT || re->pool <= first)
		return rc;
	more = re->pool < RETRY_MAX ? re->pool : RETRY_MAX;
	re->pool -= more;
	return match_within(re, s, len, more);
}

int kb_regex_search(const struct kb_regex *re, const char *s, size_t len,
		    size_t *start, size_t *end)
{
	const char *p;
	int rc;

	if (re->lit) {
		if (re->whole)
			p = len == re->litlen && !memcmp(s, re->lit, len) ? s : NULL;
		else
			p = find_bytes(s, len, re->lit, re->litlen);
		if (p && start)
			*start = (size_t)(p - s);
		if (p && end)
			*end = (size_t)(p - s) + re->litlen;
		return p != NULL;
	}
	rc = match(re, s, len);

	if (rc >= 0) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(re->md);
		if (start)
			*start = ov[0];
		if (end)
			*end = ov[1];
		return 1;
	}
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	/* match limit, depth limit, heap limit: never a silent "no" */
	return -KB_EMATCH;
}

int kb_regex_match(const struct kb_regex *re, const char *s, size_t len)
{
	return kb_regex_search(re, s, len, NULL, NULL);
}

void kb_regex_free(struct kb_regex *re)
{
	if (!re)
		return;
	pcre2_match_data_free(re->md);
	pcre2_match_context_free(re->mc);
	pcre2_code_free(re->code);
	free(re->lit);
	free(re);
}
