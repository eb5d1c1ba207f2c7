/* error.c - filling a caller's struct kb_error, and "did you mean". */
#include "kb-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef KB_COUNT_WORK
struct kb_work kb_work;
#endif

/* What an error holds when it has no file, or when a copy could not be
 * made: never freed. */
static const char no_text[] = "";
static const char no_memory[] = "out of memory (while reporting an error)";

char *kb_vstrprintf(const char *fmt, va_list ap)
{
	va_list again;
	char *s;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (n < 0 || !(s = malloc((size_t)n + 1)))
		return NULL;
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

int kb_err(struct kb_error *err, enum kb_code code, const char *file,
	   unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (!err)
		return code;
	memset(err, 0, sizeof(*err));
	err->code = code;
	err->word = -1;
	err->file = no_text;
	if (file && *file && !(err->file = strdup(file)))
		err->file = no_text;
	err->line = line;
	err->col = col;
	va_start(ap, fmt);
	msg = kb_vstrprintf(fmt, ap);
	va_end(ap);
	err->message = msg ? msg : no_memory;
	return code;
}

void kb_error_free(struct kb_error *err)
{
	if (!err)
		return;
	if (err->file && err->file != no_text)
		free(kb_unconst(err->file));
	if (err->message && err->message != no_text &&
	    err->message != no_memory)
		free(kb_unconst(err->message));
	free(kb_unconst(err->id));
	err->file = no_text;
	err->message = no_text;
	err->id = NULL;
}

/* ---- "did you mean" ------------------------------------------------------- */

/* The most edits a suggestion may be away: one for short words, up to
 * three for long ones ("nobody" is not a typo of "good"). */
#define SUGGEST_MAX 3
#define BAND (2 * SUGGEST_MAX + 1)

size_t kb_suggest_max(size_t len)
{
	return len <= 4 ? 1 : len <= 8 ? 2 : SUGGEST_MAX;
}

/*
 * Damerau-Levenshtein (optimal string alignment) distance of a and b when
 * it is at most max (<= SUGGEST_MAX), else max + 1.  Only the cells within
 * max of the diagonal can hold a distance of max or less, so only they are
 * computed: a row is BAND cells whatever the lengths, and the work is
 * linear in the shorter string (two 100 KB strings cost 700 K cells, not
 * 10^10).  Row i keeps cell j at k = j - i + max.  Each row computed is
 * taken from *budget (NULL: no budget); when it runs out the answer is
 * max + 1 and *budget stays 0.
 */
static size_t distance(const char *a, size_t la, const char *b, size_t lb,
		       size_t max, size_t *budget)
{
	size_t rows[3][BAND], *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
	size_t i, k, w = 2 * max + 1, inf = max + 1, best, *tmp;

	if ((la > lb ? la - lb : lb - la) > max)
		return inf;
	for (k = 0; k < w; k++)	/* row 0: D[0][j] = j, j = k - max */
		prev[k] = k >= max && k - max <= lb ? k - max : inf;
	for (k = 0; k < w; k++)
		prev2[k] = inf;
	for (i = 1; i <= la; i++) {
		if (budget) {
			if (*budget < w) {
				*budget = 0;
				return inf;
			}
			*budget -= w;
		}
		KB_WORK_ADD(edit_cells, w);
		best = inf;
		for (k = 0; k < w; k++) {
			/* j = i + k - max, only 0 <= j <= lb */
			size_t j = i + k, d = inf, c;

			if (j < max || (j -= max) > lb) {
				cur[k] = inf;
				continue;
			}
			if (j == 0) {
				cur[k] = i <= max ? i : inf;
				if (cur[k] < best)
					best = cur[k];
				continue;
			}
			if (k + 1 < w && prev[k + 1] + 1 < d)	/* delete a[i-1] */
				d = prev[k + 1] + 1;
			if (k > 0 && cur[k - 1] + 1 < d)	/* insert b[j-1] */
				d = cur[k - 1] + 1;
			c = prev[k] + (a[i - 1] != b[j - 1]);	/* substitute */
			if (c < d)
				d = c;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[k] + 1 < d)
				d = prev2[k] + 1;		/* transpose */
			cur[k] = d < inf ? d : inf;
			if (cur[k] < best)
				best = cur[k];
		}
		if (best > max)
			return inf;
		tmp = prev2;
		prev2 = prev;
		prev = cur;
		cur = tmp;
	}
	return prev[lb + max - la];
}

size_t kb_edit_distance(const char *a, const char *b, size_t max)
{
	if (max > SUGGEST_MAX)
		max = SUGGEST_MAX;
	return distance(a, strlen(a), b, strlen(b), max, NULL);
}

void kb_suggest_init(struct kb_suggest *s, const char *word, size_t *budget)
{
	s->word = word;
	s->len = strlen(word);
	s->max = kb_suggest_max(s->len);
	s->best = s->max + 1;
	s->pick = NULL;
	s->budget = budget;
}

bool kb_suggest_add(struct kb_suggest *s, const char *cand)
{
	size_t len, d;

	if (s->budget) {	/* a candidate costs a cell even unread */
		if (!*s->budget)
			return false;
		--*s->budget;
	}
	KB_WORK_ADD(edit_cells, 1);
	if (!cand)
		return true;
	len = strlen(cand);
	d = distance(s->word, s->len, cand, len, s->max, s->budget);
	/* a suggestion shares something with the word: "x" is not a typo
	 * of "b"; the first of equally close candidates wins */
	if (d < s->best && d < s->len && d < len) {
		s->best = d;
		s->pick = cand;
	}
	return !s->budget || *s->budget;
}

const char *kb_suggest(const char *word, const char *const *cands, size_t n)
{
	struct kb_suggest s;
	size_t i;

	/* one call is linear in the candidates' size (a band of cells per
	 * character): no budget */
	kb_suggest_init(&s, word, NULL);
	for (i = 0; i < n; i++)
		kb_suggest_add(&s, cands[i]);
	return s.pick;
}
