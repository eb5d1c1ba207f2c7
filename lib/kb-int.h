/*
 * kb-int.h - private to lib/: arenas, the string table, the KB object and
 * helpers shared by the library's modules.  Never installed.
 */
#ifndef KB_INT_H
#define KB_INT_H

#include "kb.h"

#include <stdarg.h>

/* ---- limits (SPEC 2 "Limits": none lower than the SPEC's floor) --------- */
/* The scalar and record limits may be lowered on the command line, only so
 * that tests/hostile can reach them quickly with a copy of the library. */
#ifndef KB_MAX_SCALAR
#define KB_MAX_SCALAR	((size_t)256 << 20)	/* bytes in one scalar */
#endif
#ifndef KB_MAX_RECORDS
#define KB_MAX_RECORDS	((size_t)100000000)
#endif
#define KB_MAX_DEPTH	64			/* YAML nesting levels */
#define KB_MAX_WORD	((size_t)1 << 20)	/* bytes in an expression word */
#define KB_MAX_WORDS	10000
#define KB_MAX_PATH	32			/* ref steps in a path */
#define KB_MAX_PARENS	256
/* records that matching one record may visit by following refs */
#define KB_MAX_REFWALK	((size_t)1 << 20)
/* alias expansion budget: bytes an expansion may produce per file */
#define KB_ALIAS_BASE	((size_t)64 << 20)
#define KB_ALIAS_FACTOR	8

/* ---- errors ------------------------------------------------------------ */


/* ---- arenas ------------------------------------------------------------ */

struct kb_arena_block;
struct kb_arena {
	struct kb_arena_block *head;
	char *cur, *end;	/* 8-aligned allocations */
	char *scur, *send;	/* strings, packed with no alignment */
	size_t total;
};

void *kb_arena_alloc(struct kb_arena *a, size_t size);	/* 8-aligned */
char *kb_arena_strndup(struct kb_arena *a, const char *s, size_t len);
/* Forget every allocation but keep one block for reuse. */
void kb_arena_reset(struct kb_arena *a);
void kb_arena_free(struct kb_arena *a);

/* ---- a string set (interning, id index) ----------------------------------- */

struct kb_strmap_slot {
	const char *key;
	uint32_t len;
	uint32_t hash;
	void *val;
};

struct kb_strmap {
	struct kb_strmap_slot *slots;
	size_t cap, count;
};

uint32_t kb_hash(const char *s, size_t len);
/* The slot for key: its val is NULL and key NULL when absent. */
struct kb_strmap_slot *kb_strmap_find(const struct kb_strmap *m,
				      const char *key, size_t len);
/* Insert key (not copied) -> val; returns the existing slot if present,
 * NULL on out-of-memory.  *added tells whether it was new. */
struct kb_strmap_slot *kb_strmap_put(struct kb_strmap *m, const char *key,
				     size_t len, void *val, bool *added);
void kb_strmap_free(struct kb_strmap *m);

/* ---- the schema -------------------------------------------------------- */

struct kb_schema {
	struct kb_kind *kinds;
	size_t nkinds;
	struct kb_fieldspec *common;	/* the common: fields */
	size_t ncommon;
	const char *file;
	struct kb_regex **patterns;	/* owned, to free */
	size_t npatterns;
};

/* Parse a schema file's text; strings go into the KB's arena, names are
 * interned in the KB. */
int kb_schema_parse(struct kb *kb, const char *file, const char *data,
		    size_t len, struct kb_error *err);
void kb_schema_release(struct kb_schema *s);
/* Regex flag private to the library: the whole subject must match. */
#define KB_RE_WHOLE (1u << 8)

/* ---- the KB ------------------------------------------------------------ */

struct kb {
	struct kb_arena arena;
	struct kb_strmap names;		/* interned strings */
	struct kb_strmap ids;		/* id -> struct kb_record * */
	/* streaming: the ids seen, packed; a slot holds a hash and an
	 * offset into idbuf, so an id costs its bytes and ~16 more */
	uint64_t *idslots;
	size_t idcap, idcount;
	char *idbuf;
	size_t idlen, idbufcap;
	struct kb_record **recs;
	size_t nrecs, caprecs;
	size_t nseen;			/* records read, kept or streamed */
	/* The files, found when the KB is opened and read then or, when
	 * streaming, by kb_stream(). */
	char **paths, **shown;
	size_t nfiles;
	const struct kb_memfile **mem;
	size_t nmem, mempre;
	/* streaming: records are handed to each() and not kept */
	bool stream;
	struct kb_arena scratch;
	int (*each)(const struct kb_record *rec, void *ud);
	void *each_ud;
	struct kb_schema *schema;	/* NULL when schema-less */
	const char *id_name, *kind_name;	/* interned "id", "kind" */
	/* numbers the mappings of every file, so that a name's mark (the
	 * last mapping using it as a key) never repeats across files */
	uint64_t mapseq;
};

/* Intern a name in the KB; NULL on out-of-memory. */
const char *kb_intern(struct kb *kb, const char *s, size_t len);

/* ---- the loader --------------------------------------------------------- */

/*
 * Parse one file's YAML into records appended to kb (not yet indexed).
 * Exactly one of `fp` and `data` is used.
 */
int kb_load_file(struct kb *kb, const char *name, void *fp, const char *data,
		 size_t len, size_t budget_hint, struct kb_error *err);
/* Add a record to the id index; KB_ESTRUCT on a duplicate. */
int kb_index_record(struct kb *kb, struct kb_record *rec,
		    struct kb_error *err);

/* ---- misc ---------------------------------------------------------------- */

size_t kb_edit_distance(const char *a, const char *b, size_t max);
size_t kb_suggest_max(size_t len);
/* True when the value is valid for the field's type (not ref resolution). */
bool kb_value_valid(const struct kb_fieldspec *f, const struct kb_value *v,
		    const char **why);
/* Parse a decimal integer exactly (optional sign, digits); false if not. */
bool kb_int_parse(const char *s, size_t len, long long *out);

#endif
