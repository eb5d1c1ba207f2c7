/* error.c - filling a caller's struct kb_error, and "did you mean". */
#include "kb-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int kb_err(struct kb_error *err, enum kb_code code, const char *file,
	   unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	memset(err, 0, sizeof(*err));
	err->code = code;
	err->word = -1;
	if (file)
		snprintf(err->file, sizeof(err->file), "%s", file);
	err->line = line;
	err->col = col;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return code;
}

/*
 * Damerau-Levenshtein (optimal string alignment) distance, giving up early
 * once every cell of a row exceeds max; returns max + 1 then.
 */
size_t kb_edit_distance(const char *a, const char *b, size_t max)
{
	size_t la = strlen(a), lb = strlen(b), i, j, best;
	size_t *base, *prev2, *prev, *cur, *tmp, d;

	if ((la > lb ? la - lb : lb - la) > max)
		return max + 1;
	base = calloc(3 * (lb + 1), sizeof(size_t));
	if (!base)
		return max + 1;
	prev2 = base;
	prev = prev2 + lb + 1;
	cur = prev + lb + 1;
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		best = cur[0];
		for (j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			if (prev[j - 1] + cost < d)
				d = prev[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < d)
				d = prev2[j - 2] + 1;
			cur[j] = d;
			if (d < best)
				best = d;
		}
		if (best > max) {
			free(base);
			return max + 1;
		}
		tmp = prev2;
		prev2 = prev;
		prev = cur;
		cur = tmp;
	}
	d = prev[lb];
	free(base);
	return d;
}

/* How many edits a suggestion may be away: one for short words, up to
 * three for long ones ("nobody" is not a typo of "good"). */
size_t kb_suggest_max(size_t len)
{
	return len <= 4 ? 1 : len <= 8 ? 2 : 3;
}

const char *kb_suggest(const char *word, const char *const *cands, size_t n)
{
	size_t best = (size_t)-1, i, d, max = kb_suggest_max(strlen(word));
	const char *pick = NULL;

	for (i = 0; i < n; i++) {
		if (!cands[i])
			continue;
		d = kb_edit_distance(word, cands[i], max);
		/* a suggestion shares something with the word: "x" is not
		 * a typo of "b" */
		if (d <= max && d < best && d < strlen(word) &&
		    d < strlen(cands[i])) {
			best = d;
			pick = cands[i];
		}
	}
	return pick;
}
