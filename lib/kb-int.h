/*
 * kb-int.h - private to lib/: arenas, the string table, the KB object and
 * helpers shared by the library's modules.  Never installed.
 */
#ifndef KB_INT_H
#define KB_INT_H

/* What kb.h declares is libkb.so's interface: the library is built with
 * -fvisibility=hidden, and only these declarations are visible (kb.map then
 * exports the kb_* names among them).  kb.h itself stays free of it. */
#pragma GCC visibility push(default)
#include "kb.h"
#pragma GCC visibility pop

#include <pthread.h>
#include <stdarg.h>
#include <string.h>

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
#define KB_MAX_SCHEMA	((size_t)64 << 20)	/* bytes in schema.yaml */
#define KB_MAX_WORD	((size_t)1 << 20)	/* bytes in an expression word */
#define KB_MAX_WORDS	10000
#define KB_MAX_PATH	32			/* ref steps in a path */
#define KB_MAX_PARENS	256
/* records that matching one record may visit by following refs */
#define KB_MAX_REFWALK	((size_t)1 << 20)
/* alias expansion budget: bytes an expansion may produce per file */
#define KB_ALIAS_BASE	((size_t)64 << 20)
#define KB_ALIAS_FACTOR	8
/* A file is read by several threads in units of about this many bytes
 * (par.c); smaller files are read by the calling thread alone.  Tests
 * lower it to cut even small files into many units. */
#ifndef KB_PAR_UNIT
#define KB_PAR_UNIT	((size_t)256 << 10)
#endif
#define KB_MAX_THREADS	64

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
/* Make the array *v (of *cap elements of `size` bytes) hold `need`,
 * doubling: 0, or -1 when out of memory (*v unchanged). */
int kb_grow(void **v, size_t *cap, size_t need, size_t size);
/* Move every block of src into dst; src is left empty. */
void kb_arena_adopt(struct kb_arena *dst, struct kb_arena *src);

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
uint64_t kb_hash64(const char *s, size_t len);	/* SipHash-1-3, keyed */
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

/* One thread's duplicate-key marks (load.c): per name number, the number of
 * the last mapping that used the name as a key.  Kept from file to file and
 * never cleared: mapping numbers only grow, so an old mark never matches. */
struct kb_marks {
	uint64_t *v;
	size_t n;
	uint64_t seq;
};

struct kb {
	struct kb_arena arena;
	/* interned strings and their memory: shared with par.c's worker
	 * threads, so only touched with names_lock held */
	struct kb_strmap names;
	struct kb_arena names_arena;
	const char **namev;		/* the names by number */
	size_t capnamev;
	pthread_mutex_t *names_lock;	/* a pointer: kb_name() takes a const KB */
	unsigned threads;		/* parsing threads for a large file;
					 * 0: one per CPU, asked when needed */
	struct kb_marks marks;		/* the calling thread's */
	/* what par.c did, for the tests: units handed on from the workers,
	 * files read again in order */
	size_t par_units, par_rereads;
	/* the ids (db.c): loaded whole, a hash and the record's number;
	 * streaming, a 64-bit keyed hash only (a match is confirmed by
	 * reading the KB again) */
	uint64_t *idslots;
	size_t idcap, idcount;
	/* streaming input that cannot be read again (a pipe): the ids kept
	 * whole, each with where it was first written (struct kb_place) */
	bool exact_ids;
	struct kb_strmap exact;
	/* find_first()'s second reading: it indexes nothing */
	bool confirming;
	struct kb_crec **recs;		/* loaded whole: compact (rec.c) */
	size_t nrecs, caprecs;
	size_t nseen;			/* records read, kept or streamed */
	/* The files, found when the KB is opened and read then or, when
	 * streaming, by kb_stream(). */
	char **paths, **shown;
	size_t nfiles;
	const struct kb_memfile **mem;
	size_t nmem, mempre;
	/* the data of a memfile given without (kb_open_opts.fetch) */
	int (*fetch)(const struct kb_memfile *f, const char **data,
		     size_t *len, void *ud, struct kb_error *err);
	void *fetch_ud;
	/* streaming: records are handed to each() and not kept */
	bool stream;
	struct kb_arena scratch;
	int (*each)(const struct kb_record *rec, void *ud);
	void *each_ud;
	struct kb_schema *schema;	/* NULL when schema-less */
	const char *id_name, *kind_name;	/* interned "id", "kind" */
};

/* Intern a name in the KB; NULL on out-of-memory. */
const char *kb_intern(struct kb *kb, const char *s, size_t len);

/* An interned name: the text follows the struct, so that the number of
 * an interned name is found from its text pointer. */
struct kb_name {
	size_t len;
	uint32_t idx;		/* its place in kb->namev */
	const char *s;		/* (const char *)(this + 1) */
};

static inline uint32_t kb_name_idx(const char *interned)
{
	const struct kb_name *n;
	const char *at = interned - sizeof(struct kb_name);

	memcpy(&n, &at, sizeof(n));
	return n->idx;
}

/* ---- compact records (rec.c) --------------------------------------------- */

struct kb_crec {
	const char *id;		/* in blob */
	const char *kind;	/* interned */
	const char *file;
	struct kb_record *full;	/* decoded for kb_at()/kb_get(), or NULL */
	uint32_t line, col, nfields;
	uint32_t index;
	unsigned char blob[];
};

/* A record decoded into arrays reused from record to record. */
struct kb_view {
	struct kb_record rec;
	struct kb_field *fields;
	struct kb_value *values;
	size_t capf, capv;
};

/* rec encoded in arena a; NULL when out of memory. */
struct kb_crec *kb_crec_encode(struct kb *kb, struct kb_arena *a,
			       const struct kb_record *rec);
/* Decode c into w, valid until the next decode into w: 0, -1 on OOM. */
int kb_view_decode(const struct kb *kb, const struct kb_crec *c,
		   struct kb_view *w);
void kb_view_free(struct kb_view *w);
/* The compact record with this id in a loaded KB, or NULL. */
struct kb_crec *kb_find(const struct kb *kb, const char *id);
/* c decoded once for good (kb_at, kb_get): NULL when out of memory. */
const struct kb_record *kb_crec_full(const struct kb *kb, struct kb_crec *c);

/* ---- the loader --------------------------------------------------------- */

/* Returned by the loader for a unit it cannot read alone (an alias, a
 * merge key, a unit that does not end where the next one starts); never
 * seen outside lib/. */
#define KB_EPAR 100

/* One unit of a file, parsed by a worker thread (par.c). */
struct kb_unit;
/* Keep a record among the unit's: a struct kb_record when streaming, else
 * a struct kb_crec.  0, or -1 when out of memory. */
int kb_unit_add(struct kb_unit *u, void *rec);
/* The unit's scratch memory, and where its compact records go. */
struct kb_arena *kb_unit_arena(struct kb_unit *u);
struct kb_arena *kb_unit_keep(struct kb_unit *u);
/* The marks of the thread parsing the unit (kept with its slot). */
struct kb_marks *kb_unit_marks(struct kb_unit *u);
/* The unit's input ended (at 0-based line, col), `open` when inside a
 * top-level block sequence at column 0 still open (or before any document):
 * false when the next unit cannot go on from there. */
bool kb_unit_end(struct kb_unit *u, bool open, size_t line, size_t col);

/*
 * Parse one file's YAML into records, handed to kb->each when streaming,
 * else kept and indexed.  Exactly one of `fp` and `data` is used.  With a
 * unit (par.c), the records only go to the unit.  The first `skip` records
 * are passed over (they were handed on before).
 */
int kb_load_file(struct kb *kb, const char *name, void *fp, const char *data,
		 size_t len, size_t budget_hint, struct kb_unit *unit,
		 size_t skip, struct kb_error *err);
/*
 * The same, by kb->threads threads when the file is large (fp a regular
 * file of `len` bytes, or `data`): the same records in the same order, the
 * same errors.
 */
int kb_load_split(struct kb *kb, const char *name, void *fp, const char *data,
		  size_t len, struct kb_error *err);
/* Add a record to the id index (c: its compact copy, NULL when streaming);
 * KB_ESTRUCT on a duplicate. */
int kb_index_record(struct kb *kb, struct kb_record *rec, struct kb_crec *c,
		    struct kb_error *err);
/* Add a record's id to the index: rec when streaming, c (its compact copy)
 * when loaded whole.  0 (*dup when already there), -1 when out of memory. */
int kb_index_add(struct kb *kb, const struct kb_record *rec,
		 struct kb_crec *c, bool *dup);

/* ---- misc ---------------------------------------------------------------- */

/* The library builds records in memory it owns and lends them const: the
 * few places that amend one (par.c) take the const off with this. */
static inline void *kb_unconst(const void *p)
{
	void *q;

	memcpy(&q, &p, sizeof(q));
	return q;
}

size_t kb_edit_distance(const char *a, const char *b, size_t max);
size_t kb_suggest_max(size_t len);
/* True when the value is valid for the field's type (not ref resolution). */
bool kb_value_valid(const struct kb_fieldspec *f, const struct kb_value *v,
		    const char **why);
/* Parse a decimal integer exactly (optional sign, digits); false if not. */
bool kb_int_parse(const char *s, size_t len, long long *out);

/*
 * Work counters for tests: a library copy built with KB_COUNT_WORK counts
 * the steps of its look-ups, so that a test can check a bound on work
 * instead of timing it.  Otherwise they cost nothing.
 */
#ifdef KB_COUNT_WORK
extern size_t kb_work_id_probes;	/* slots visited by id look-ups */
#define KB_COUNT(counter) ((void)(kb_work_##counter++))
#else
#define KB_COUNT(counter) ((void)0)
#endif

#endif
