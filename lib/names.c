/*
 * names.c - the KB's interned names: every key and kind a KB uses is held
 * once, numbered (kb->namev), and compared by pointer.  The loader (load.c,
 * on any of par.c's threads), the schema (schema.c), queries and changes
 * intern here; nothing here calls back into them.
 */
#include "kb-int.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

/* Worker threads intern too: the names and their arena are the KB's only
 * state they share, behind names_lock. */
struct kb_name *kb_intern_name(struct kb *kb, const char *s, size_t len)
{
	const struct kb_strmap_slot *slot;
	struct kb_name *n = NULL;
	bool added;

	pthread_mutex_lock(kb->names_lock);
	slot = kb_strmap_find(&kb->names, s, len);
	if (slot->key) {
		n = slot->val;
		goto out;
	}
	if (kb->names.count >= UINT32_MAX ||
	    (kb->names.count == kb->capnamev &&
	     kb_grow((void **)&kb->namev, &kb->capnamev, kb->names.count + 1,
		     sizeof(*kb->namev)) < 0) ||
	    !(n = kb_arena_alloc(&kb->names_arena, sizeof(*n) + len + 1)))
		goto out;
	memcpy(n + 1, s, len);
	((char *)(n + 1))[len] = '\0';
	n->s = (const char *)(n + 1);
	n->len = len;
	n->idx = (uint32_t)kb->names.count;
	if (!kb_strmap_put(&kb->names, n->s, len, n, &added))
		n = NULL;
	else
		kb->namev[n->idx] = n->s;
out:
	pthread_mutex_unlock(kb->names_lock);
	return n;
}

const char *kb_intern(struct kb *kb, const char *s, size_t len)
{
	struct kb_name *n = kb_intern_name(kb, s, len);

	return n ? n->s : NULL;
}

const char *kb_name(const struct kb *kb, const char *name)
{
	const struct kb_strmap_slot *s;
	const char *found;

	pthread_mutex_lock(kb->names_lock);
	s = kb_strmap_find(&kb->names, name, strlen(name));
	found = s->key ? ((struct kb_name *)s->val)->s : NULL;
	pthread_mutex_unlock(kb->names_lock);
	return found;
}
