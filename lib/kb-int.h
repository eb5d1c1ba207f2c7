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
/* alias expansion budget: the bytes that expansion may produce in the
 * whole KB, BASE and FACTOR times the bytes of its record files read so
 * far (tests lower BASE to reach it with small files) */
#ifndef KB_ALIAS_BASE
#define KB_ALIAS_BASE	((size_t)64 << 20)
#endif
#define KB_ALIAS_FACTOR	8
/* A file is read by several threads in units of about this many bytes
 * (par.c); smaller files are read by the calling thread alone.  Tests
 * lower it to cut even small files into many units. */
#ifndef KB_PAR_UNIT
#define KB_PAR_UNIT	((size_t)256 << 10)
#endif
#define KB_MAX_THREADS	64

/* ---- errors ------------------------------------------------------------ */

/* A malloc'd string formatted as vsnprintf would, or NULL. */
char *kb_vstrprintf(const char *fmt, va_list ap);

/* ---- counting work, for tests ---------------------------------------------- */
/*
 * A copy of the library built with KB_COUNT_WORK counts the work that a
 * hostile KB could make grow faster than its size, so that a test can
 * check a bound on a small input instead of timing a large one.  The
 * counters are process-wide and only ever grow.
 */
#ifdef KB_COUNT_WORK
struct kb_work {
	size_t edit_cells;	/* edit-distance cells, suggestions */
	size_t regex_limit;	/* match-limit units granted to PCRE2 */
	size_t lookup_probes;	/* entries compared in a lookup: slots of
				 * a hash map, or items of a list scanned */
	size_t id_probes;	/* slots visited by id look-ups (db.c) */
};
extern struct kb_work kb_work;
#define KB_WORK_ADD(field, n) \
	((void)__atomic_fetch_add(&kb_work.field, (size_t)(n), __ATOMIC_RELAXED))
#else
#define KB_WORK_ADD(field, n) ((void)0)
#endif


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
/* The slot for key: its val is NULL and key NULL when absent.  Read only:
 * kb_strmap_put() changes a map. */
const struct kb_strmap_slot *kb_strmap_find(const struct kb_strmap *m,
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
	/* kinds by name and by plural; the kinds' field indexes and the enum
	 * fields' value indexes, owned here (kinds share common fields) */
	struct kb_strmap kind_index, plural_index;
	struct kb_strmap **maps;
	size_t nmaps;
	size_t nspecs;			/* field specs of all kinds */
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
	/* the record files' bytes read so far (a pipe's: libyaml's count),
	 * and alias expansion charged so far: one budget for the whole KB,
	 * in proportion to its size (load.c) */
	size_t bytes, alias_spent;
	struct kb_schema *schema;	/* NULL when schema-less */
	/* where the KB was opened (edit.c): the path given, whether it is a
	 * directory, and the prefix of the names shown for its files */
	char *root, *prefix;
	bool root_dir;
	const char *id_name, *kind_name;	/* interned "id", "kind" */
};

/* names.c: intern a name in the KB; NULL on out-of-memory.  Safe from
 * any thread (names_lock). */
const char *kb_intern(struct kb *kb, const char *s, size_t len);
struct kb_name;
struct kb_name *kb_intern_name(struct kb *kb, const char *s, size_t len);

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
/*
 * A digest of a record's content and positions, lines taken relative to
 * the record's own `line` (so that a unit of a file, counting lines from
 * its start, gives what a reading of the whole file gives), and the
 * running digest of a sequence of records, each at its absolute line.
 */
uint64_t kb_record_digest(const struct kb_field *f, uint32_t n, uint32_t line,
			  uint32_t col);
uint64_t kb_digest_chain(uint64_t chain, uint64_t digest, uint32_t line);
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
 * a struct kb_crec, with its kb_record_digest().  0, or -1 when out of
 * memory. */
int kb_unit_add(struct kb_unit *u, void *rec, uint64_t digest);
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
 * are passed over (they were handed on before): their kb_digest_chain()
 * must be `chain`, else the file changed since they were read (an error).  `size` is the whole
 * file's, 0 when unknown (a pipe: the bytes read are then added to
 * kb->bytes here; kb_load_split() adds a known size).
 */
int kb_load_file(struct kb *kb, const char *name, void *fp, const char *data,
		 size_t len, size_t size, struct kb_unit *unit,
		 size_t skip, uint64_t chain, struct kb_error *err);
/*
 * The same, by kb->threads threads when the file is large (fp a regular
 * file of `len` bytes, or `data`): the same records in the same order, the
 * same errors.
 */
int kb_load_split(struct kb *kb, const char *name, void *fp, const char *data,
		  size_t len, struct kb_error *err);
#ifdef KB_TEST_HOOKS
/* Called by kb_load_split() once the first unit of a file is handed on,
 * while the others are being read: tests rewrite the file there. */
extern void (*kb_test_par_read)(const char *name);
#endif
/* Add a record to the id index (c: its compact copy, NULL when streaming);
 * KB_ESTRUCT on a duplicate. */
int kb_index_record(struct kb *kb, struct kb_record *rec, struct kb_crec *c,
		    struct kb_error *err);
/* Add a record's id to the index: rec when streaming, c (its compact copy)
 * when loaded whole.  0 (*dup when already there), -1 when out of memory. */
int kb_index_add(struct kb *kb, const struct kb_record *rec,
		 struct kb_crec *c, bool *dup);

/* ---- where a YAML text writes each part of its records (yspan.c) -------- */

/* Styles: the first five are libyaml's scalar styles. */
enum ys_style {
	YS_PLAIN = 1, YS_SINGLE, YS_DOUBLE, YS_LITERAL, YS_FOLDED,
	YS_BLOCK,	/* a block sequence or mapping */
	YS_FLOW,	/* a flow sequence or mapping */
	YS_ALIAS,	/* *name */
};

#define YS_NONE ((size_t)-1)

/* A node: a scalar, an alias, or a sequence or mapping (its header). */
struct ys_node {
	size_t start;		/* its first byte: its anchor or tag when it has one */
	size_t cstart;		/* its content, after the anchor and tag */
	size_t end;		/* after its content; a block scalar ends with
				 * its last line that holds more than spaces */
	uint32_t line, col;	/* of `start`, 0-based, as libyaml counts */
	uint8_t style;		/* enum ys_style */
	bool null;		/* a plain "", ~, null, Null, NULL */
	int32_t anchor;		/* the anchor it defines (f->anchors), or -1 */
	int32_t alias;		/* an alias: the anchor it names, or -1 */
	const char *text;	/* a scalar's value (NUL-terminated) */
	size_t len;
};

/* An element of a sequence. */
struct ys_item {
	struct ys_node v;
	size_t dash;		/* block: the '-' before it, else YS_NONE */
};

/* A key and its value in a record. */
struct ys_pair {
	struct ys_node key;
	size_t colon_end;	/* after the ':' */
	struct ys_node val;	/* scalar, alias, or a sequence or mapping */
	size_t end;		/* after the value (a block sequence: its last
				 * element; a flow one: its ']') */
	uint32_t item0, nitems;	/* a sequence's elements, in f->items */
	bool merge;		/* the key is << */
};

enum ys_place { YS_IN_DOC, YS_IN_BLOCK_SEQ, YS_IN_FLOW_SEQ };

/* A record: a mapping, or an alias to one. */
struct ys_rec {
	struct ys_node node;	/* style YS_BLOCK, YS_FLOW or YS_ALIAS */
	size_t end;		/* after the mapping (block: its last value) */
	size_t dash;		/* in a block sequence: its '-', else YS_NONE */
	uint8_t place;		/* enum ys_place */
	uint32_t doc;
	uint32_t pair0, npairs;	/* f->pairs */
	uint32_t use0, nuses;	/* the anchors its aliases name, f->uses */
};

struct ys_doc {
	size_t start;		/* its "---", else its first token */
	size_t end;		/* after its "...", else where the next starts */
	bool explicit_start, explicit_end;
	struct ys_node root;	/* YS_BLOCK/YS_FLOW sequence or mapping, an
				 * alias, or a null scalar (empty) */
	bool root_seq;
	size_t root_end;	/* after the root (a flow sequence: its ']') */
	uint32_t rec0, nrecs;
};

struct ys_anchor {
	const char *name;
	size_t start, end;	/* the anchored node */
	uint32_t doc;
	uint32_t uses;		/* aliases that name it */
};

/* A YAML text (a file, or a part of one that parses on its own) and what
 * it holds, from one pass over libyaml's events. */
struct ys_file {
	const char *data;
	size_t len;
	size_t skip;		/* a BOM's bytes at the start */
	uint32_t base_line;	/* lines before the text in its file */
	struct ys_doc *docs;
	struct ys_rec *recs;
	struct ys_pair *pairs;
	struct ys_item *items;
	struct ys_anchor *anchors;
	int32_t *uses;
	size_t ndocs, nrecs, npairs, nitems, nanchors, nuses;
	size_t capdocs, caprecs, cappairs, capitems, capanchors, capuses;
	struct kb_arena arena;	/* the scalars' text */
};

/*
 * Read data[0..len) (a file named `name`, or a part of one starting after
 * `base_line` lines) into *f: its documents, records, pairs, elements,
 * anchors and aliases with their byte spans.  The text must be a KB file
 * the loader reads; a shape kbq does not edit (an alias as a key, a
 * complex key) is KB_EUSAGE, libyaml's errors KB_ESYNTAX, located.  data
 * is lent: it must outlive f.  ys_free() after success or failure.
 */
int ys_parse(struct ys_file *f, const char *name, const char *data,
	     size_t len, uint32_t base_line, struct kb_error *err);
void ys_free(struct ys_file *f);
/* Line arithmetic on text (line breaks: \n, \r\n, \r). */
size_t ys_line_start(const char *s, size_t off);
size_t ys_line_end(const char *s, size_t len, size_t off);	/* at its break */
size_t ys_next_line(const char *s, size_t len, size_t off);	/* after it */
/* Line breaks in s[0..n) as libyaml counts them (\n, \r\n, \r, NEL, LS,
 * PS). */
size_t ys_count_lines(const char *s, size_t n);

/* ---- writing YAML (yamlw.c) ------------------------------------------------ */

/* A growable NUL-terminated string; the functions return -1 on OOM. */
struct kb_buf {
	char *s;
	size_t len, cap;
};
int kb_buf_add(struct kb_buf *b, const char *s, size_t n);
int kb_buf_str(struct kb_buf *b, const char *s);
void kb_buf_free(struct kb_buf *b);
/* s double-quoted, every control character, line or paragraph separator,
 * BOM, non-character and bidi control escaped. */
int kb_yaml_double(struct kb_buf *b, const char *s, size_t len);
/* s plain when kb_yaml_plain_ok(flags | KB_YAML_STRICT), else double-quoted. */
int kb_yaml_scalar(struct kb_buf *b, const char *s, size_t len, unsigned flags);
/* s as a literal block scalar, content lines `indent` spaces in: 1 written,
 * 0 when no literal block holds s exactly, -1 on OOM. */
int kb_yaml_literal(struct kb_buf *b, const char *s, size_t len,
		    size_t indent, const char *eol);

/* ---- changing a KB (edit.c) ------------------------------------------------ */

/* The regions a prepared change read as parts of large files (the tests
 * check that the part path is taken). */
struct kb_edit;
size_t kb_edit_parts(const struct kb_edit *ed);

/* ---- misc ---------------------------------------------------------------- */

/* The library builds records in memory it owns and lends them const: the
 * few places that amend one (par.c) take the const off with this. */
static inline void *kb_unconst(const void *p)
{
	void *q;

	memcpy(&q, &p, sizeof(q));
	return q;
}

/* Byte-wise order of two texts of known lengths, a shorter prefix first. */
static inline int kb_bytes_cmp(const char *a, size_t alen, const char *b,
			       size_t blen)
{
	int c = memcmp(a, b, alen < blen ? alen : blen);

	if (c)
		return c;
	return alen < blen ? -1 : alen > blen;
}

/* The edit distance of a and b when at most max (3 at most), else
 * max + 1; the work is linear in the shorter string. */
size_t kb_edit_distance(const char *a, const char *b, size_t max);
size_t kb_suggest_max(size_t len);
/*
 * Check one record as kb_validate() does.  The record may come from
 * another KB, its names interned in kb.  kind_of (or NULL) tells what the
 * KB will hold after a change: the kind of the record an id names (NULL:
 * none), *known false to ask the KB as loaded.
 */
size_t kb_validate_record(const struct kb *kb, const struct kb_record *rec,
			  const char *(*kind_of)(void *kud, const char *id,
						 bool *known),
			  void *kud,
			  void (*fn)(const struct kb_diag *d, void *ud), void *ud);
/* Is f a ref field of rec: declared a ref in rec's kind, or, schema-less,
 * any field but id and kind?  What kb_backlinks() and back-link terms
 * (^F) follow backwards. */
bool kb_is_ref_field(const struct kb *kb, const struct kb_record *rec,
		     const struct kb_field *f);

/*
 * A suggestion built candidate by candidate.  With a budget (the edit-
 * distance cells a whole pass over the KB may still spend, shared by all
 * its suggestions) the work stops when it runs out: later candidates, and
 * later suggestions, are skipped.  Without one (NULL) a suggestion costs a
 * band of cells per character of its candidates.
 */
struct kb_suggest {
	const char *word;
	size_t len, max, best;
	const char *pick;
	size_t *budget;
};
void kb_suggest_init(struct kb_suggest *s, const char *word, size_t *budget);
/* false when the budget has run out: no use adding more */
bool kb_suggest_add(struct kb_suggest *s, const char *cand);
/* 1 when the value is valid for the field's spec (type, enum values,
 * pattern; refs are not resolved), 0 when not (*why says why), -KB_EMATCH
 * when its pattern hit the match limit: no answer. */
int kb_value_check(const struct kb_fieldspec *f, const struct kb_value *v,
		   const char **why);


#endif
