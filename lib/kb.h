/*
 * kb.h - the kbq library: load a knowledge base of YAML records, check it
 * against its schema, and match its records against query expressions.
 *
 * This is the only public header.  It includes neither yaml.h nor pcre2.h:
 * the parser and the regex engine are private to the library.
 *
 * Conventions
 *  - The library never prints and never exits.  A function that can fail
 *    returns 0 on success or a KB_E* code, and fills the caller's
 *    struct kb_error (which may be NULL when the caller does not care).
 *  - Positions are 1-based (line and column), as users see them.
 *  - Objects come in _open/_free or _new/_free pairs; freeing NULL is
 *    allowed.  Getters lend: a pointer returned by a getter stays valid
 *    until the object it came from is freed.
 *  - Every string in a record is NUL-terminated UTF-8 text exactly as
 *    written in the YAML file; no YAML 1.1 typing is ever applied.
 */
#ifndef KB_H
#define KB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- errors ------------------------------------------------------------ */

enum kb_code {
	KB_OK = 0,
	KB_ENOMEM,	/* out of memory */
	KB_EIO,		/* a file or directory could not be read */
	KB_ESYNTAX,	/* YAML syntax error (libyaml's problem) */
	KB_ESTRUCT,	/* YAML that is not records: nesting, no id, duplicate id */
	KB_ESCHEMA,	/* the schema file is malformed */
	KB_ELIMIT,	/* a resource limit was hit */
	KB_EEXPR,	/* a malformed query expression */
	KB_EMATCH,	/* a regex hit its match or depth limit while matching */
	KB_EUSAGE,	/* a caller passed something meaningless */
};

/*
 * A located error.  `file` is "" when the error has no file (out of
 * memory); `line` and `col` are 0 when unknown.  For expression errors,
 * `word` is the index of the offending argument word and `offset`/`span`
 * the byte range inside it to underline.
 *
 * Who frees what: `file` and `message` are the error's own heap copies,
 * whole however long (a file name is never cut short).  A function that
 * fails fills the caller's struct without looking at what it held; the
 * caller then owns the two strings and releases them with
 * kb_error_free() once it has reported them.  A struct that no call
 * filled needs no kb_error_free() (a zeroed one may be passed to it).
 */
struct kb_error {
	enum kb_code code;
	const char *file;
	unsigned line, col;
	int word;
	size_t offset, span;
	const char *message;
	/* the id of the record the error is about (a duplicate id), or NULL;
	 * owned by the error as file and message are */
	const char *id;
};

/*
 * Fill *err (when not NULL) with a located error and return `code`, so
 * that callers report their own errors the way the library does.  The
 * strings are copied; release them with kb_error_free().
 */
int kb_err(struct kb_error *err, enum kb_code code, const char *file,
	   unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Free the strings of a filled error (NULL, or zeroed, is allowed); the
 * error is left holding "" for both. */
void kb_error_free(struct kb_error *err);

/* ---- the record model -------------------------------------------------- */

/* One scalar value and where it was written. */
struct kb_value {
	const char *text;
	uint32_t len;
	uint32_t line, col;
};

/*
 * One field of a record.  `name` is interned in its KB: two fields of the
 * same KB with the same name have the same pointer.  `is_list` tells that
 * the file wrote a sequence (possibly of one element).
 */
struct kb_field {
	const char *name;
	const struct kb_value *values;
	uint32_t count;
	uint32_t line, col;	/* where the key was written */
	bool is_list;
};

/*
 * One record.  `id` and `kind` are also present among `fields`, in file
 * order.  `index` is the record's position in load order.
 */
struct kb_record {
	const char *id;
	const char *kind;	/* interned */
	const char *file;	/* path as given, e.g. "kb/actors.yaml" */
	uint32_t line, col;	/* where the record's mapping starts */
	uint32_t nfields;
	size_t index;
	const struct kb_field *fields;
};

/* The field called `name` of `rec`, or NULL.  Linear in the field count. */
const struct kb_field *kb_record_field(const struct kb_record *rec,
				       const char *name);

/* ---- the schema ---------------------------------------------------------- */

enum kb_type {
	KB_TYPE_STRING,	/* one line of text */
	KB_TYPE_TEXT,	/* any text */
	KB_TYPE_DATE,	/* ISO 8601 date, year or year-month precision allowed */
	KB_TYPE_ENUM,
	KB_TYPE_REF,	/* the id of another record */
	KB_TYPE_INT,
	KB_TYPE_URL,
};

/* The schema name of a type ("string", "date", ...). */
const char *kb_type_name(enum kb_type t);

struct kb_regex;
struct kb_strmap;

struct kb_fieldspec {
	const char *name;	/* interned in the KB that uses the schema */
	enum kb_type type;
	bool list, required, common;
	const char *const *values;	/* enum values */
	size_t nvalues;
	const char *const *to;		/* ref target kinds; none: any kind */
	size_t nto;
	const char *pattern;		/* source of the pattern, or NULL */
	const struct kb_regex *re;	/* the pattern compiled, or NULL */
	const char *description;	/* or NULL */
	uint32_t line, col;		/* where the schema declares it */
	const struct kb_strmap *value_index;	/* private: values hashed */
};

struct kb_kind {
	const char *name;	/* interned */
	const char *plural;	/* or NULL */
	const char *description;
	/* the common fields first, then the kind's own, in schema order */
	const struct kb_fieldspec *fields;
	size_t nfields;
	const struct kb_strmap *field_index;	/* private: fields hashed */
};

struct kb;

/* True when the KB has a schema (schema.yaml or --schema). */
bool kb_has_schema(const struct kb *kb);
/* The path of the schema file, or NULL. */
const char *kb_schema_file(const struct kb *kb);
size_t kb_kind_count(const struct kb *kb);
const struct kb_kind *kb_kind_at(const struct kb *kb, size_t i);
/* The kind called `name`, or NULL (also when schema-less).  O(1): kinds
 * are hashed. */
const struct kb_kind *kb_kind_find(const struct kb *kb, const char *name);
/* The kind whose plural is `plural`, or NULL.  O(1). */
const struct kb_kind *kb_kind_by_plural(const struct kb *kb,
					const char *plural);
/* The spec of field `name` in `kind` (NULL allowed), or NULL.  O(1). */
const struct kb_fieldspec *kb_kind_field(const struct kb_kind *kind,
					 const char *name);
/* The index in f->values of the enum value s (len bytes), or (size_t)-1
 * when it is not one of them.  O(1): the values are hashed. */
size_t kb_enum_index(const struct kb_fieldspec *f, const char *s, size_t len);

/* ---- opening a KB -------------------------------------------------------- */

/* A file held in memory, for KBs compiled into a program. */
struct kb_memfile {
	const char *name;	/* path shown in diagnostics, e.g. "kb/x.yaml" */
	const char *data;
	size_t len;
};

struct kb_open_opts {
	const char *schema;	/* a schema file that wins over schema.yaml */
	/* the names shown for files are `display` + their path relative to
	 * the KB root; NULL shows the path as opened */
	const char *display;
	/* stream: read only the schema now; kb_stream() reads the records
	 * later, handing each to a callback instead of keeping it */
	bool stream;
	/* threads that parse a large file (512 KiB or more) together: 0 for
	 * one per CPU, 1 for none but the caller's.  The records, their order
	 * and positions, and the error of a KB that is not sound are the same
	 * whatever the number.  Before an error, kb_stream() may have handed
	 * on a different number of records (a prefix of the file's, as with
	 * one thread, whose count depends on libyaml's buffering). */
	unsigned threads;
	/* kb_open_mem: a file given with data NULL is asked for just before
	 * it is read (each time, also when kb_stream() reads it):
	 * fetch(f, &data, &len, fetch_ud, err) returns 0 with its bytes, which
	 * must then outlive the KB, or a KB_E* code with err filled, which
	 * the opening or the reading returns.  So a caller can bring files in
	 * while the first ones are parsed.  Called by the thread that opens or
	 * streams the KB. */
	int (*fetch)(const struct kb_memfile *f, const char **data,
		     size_t *len, void *fetch_ud, struct kb_error *err);
	void *fetch_ud;
};

/*
 * Load the KB at `path`: a directory (every *.yaml / *.yml below it, in
 * byte-wise order of relative path, names starting with '.' skipped, the
 * root's schema.yaml taken as schema) or a single file.  Structural errors
 * (YAML syntax, a document that is not a record or a list of records, a
 * nested value, a missing id or kind, a duplicate id, a limit) refuse the
 * KB: *out is NULL and the first error is in *err.  Schema violations are
 * not checked here; see kb_validate().
 */
int kb_open(struct kb **out, const char *path, const struct kb_open_opts *opts,
	    struct kb_error *err);

/* The same for files held in memory, loaded in byte-wise order of name.
 * A file called "schema.yaml" at the root is the schema: the root is
 * opts->display when given (every name must then start with it, else
 * KB_EUSAGE), else the directory prefix common to all names.  The files
 * are not copied: they must outlive the KB (a compiled-in KB does). */
int kb_open_mem(struct kb **out, const struct kb_memfile *files, size_t n,
		const struct kb_open_opts *opts, struct kb_error *err);

/*
 * Call fn(rec, ud) with every record in load order.  The record and its
 * strings are valid only during the call.  For a KB opened with
 * opts.stream, the files are read now and memory stays flat whatever the
 * KB's size (only ids are remembered, so a duplicate id is still an
 * error); kb_count() stays 0 and kb_get() finds nothing; structural errors
 * are returned as kb_open() would.  For a KB loaded whole, each record is
 * decoded in passing, which costs no memory where kb_at() would keep every
 * record decoded.  A non-zero return of fn stops and is returned.
 */
int kb_stream(struct kb *kb, int (*fn)(const struct kb_record *rec, void *ud),
	      void *ud, struct kb_error *err);

/*
 * Read the records of a KB opened with opts.stream now, and keep them, as
 * kb_open() without opts.stream would have: kb_count(), kb_at(), kb_get()
 * and back-links work from then on, and kb_stream() decodes each kept
 * record in passing.  For a caller that learns only after compiling a
 * query (kb_query_follows_refs) that it needs every record.  Nothing to do
 * for a KB loaded whole.  Call it before kb_stream(); its errors are
 * kb_open()'s.  A query compiled before it with back-link terms (^F) must
 * be compiled again: until then it matches nothing but returns KB_EUSAGE.
 */
int kb_load(struct kb *kb, struct kb_error *err);

/*
 * rec kept by kb until kb_free(): how a kb_stream() callback keeps the few
 * records it needs (a copy when streaming, the KB's own record when loaded
 * whole).  NULL when out of memory.
 */
const struct kb_record *kb_keep(struct kb *kb, const struct kb_record *rec);

/* Free everything the KB owns, records, strings and schema alike. */
void kb_free(struct kb *kb);

/*
 * A KB loaded whole keeps its records compact (about the size of their
 * YAML); kb_at() and kb_get() decode a record on first use and keep it
 * decoded.  NULL when out of memory (or no such record).  They change the
 * KB's cache: a KB is not to be used by several threads at once.
 */
size_t kb_count(const struct kb *kb);
const struct kb_record *kb_at(const struct kb *kb, size_t i);
/* The record with this id, or NULL.  O(1). */
const struct kb_record *kb_get(const struct kb *kb, const char *id);
/*
 * Whether a record has this id.  For a KB loaded whole, exact (kb_get).
 * For a streamed KB, once kb_stream() has read it: from the ids kept as
 * 64-bit keyed hashes, so an id sharing the hash of another (about once in
 * 1e19) reads as present; exact for input that cannot be read again.
 */
bool kb_has_id(const struct kb *kb, const char *id);
/*
 * The closest id to `id` by edit distance, or NULL if none is close.
 */
const char *kb_suggest_id(const struct kb *kb, const char *id);

/*
 * Back-links: calls fn(rec, field, ud) once for every ref field (or,
 * schema-less, any field but id and kind) of any record that names `id`
 * among its values, in load order.  Linear in the KB's size.  rec and
 * field are valid during the call only (kb_get(rec->id) keeps the record);
 * the strings they lend live as long as the KB.
 */
void kb_backlinks(const struct kb *kb, const char *id,
		  void (*fn)(const struct kb_record *rec,
			     const struct kb_field *field, void *ud),
		  void *ud);

/* Interned field name, or NULL when no record or schema uses it. */
const char *kb_name(const struct kb *kb, const char *name);

/* ---- validation --------------------------------------------------------- */

struct kb_diag {
	const char *file;
	uint32_t line, col;
	const char *id;		/* the record concerned, or NULL */
	const char *message;
	/* KB_OK for a problem of the KB; KB_EMATCH when a pattern hit its
	 * match limit on the value (no answer: an error, not a problem), or
	 * KB_ENOMEM */
	enum kb_code code;
};

/*
 * Check every record against the schema: unknown kinds, unknown fields
 * (with a suggestion), required fields, types (string, text, date, enum,
 * int, url, pattern), id format, refs that resolve to the declared kinds.
 * Calls fn once per problem, in load order of the records, and returns the
 * number of problems; d and its strings live during the call only.
 * Without a schema only structure is checked (which kb_open already did),
 * so the count is 0.  The suggestions of one call share a budget of work
 * in proportion to the KB's size: past it, problems come without one.
 */
size_t kb_validate(const struct kb *kb,
		   void (*fn)(const struct kb_diag *d, void *ud), void *ud);

/* ---- differences between two KBs (diff.c) -------------------------------- */

enum kb_change {
	KB_CHANGE_ADDED = 1,	/* in NEW only */
	KB_CHANGE_REMOVED,	/* in OLD only */
	KB_CHANGE_CHANGED,	/* in both, with other values */
	KB_CHANGE_ORDER,	/* a field in both: the same values, in another
				 * order (never a record's change) */
};

/*
 * One field that differs.  `old` and `new` are the field in each record,
 * NULL where it is absent (ADDED: old NULL; REMOVED: new NULL).  For
 * CHANGED and ORDER, `removed` are old's values that new lacks and `added`
 * new's values that old lacks, counted with repeats (a multiset
 * difference), each in its field's order; a one-value field that changed
 * has its old value removed and its new one added.  ORDER has none of
 * either.  NULL and 0 for ADDED and REMOVED.
 */
struct kb_field_diff {
	const char *name;
	enum kb_change change;
	const struct kb_field *old, *new;
	const struct kb_value *const *removed, *const *added;
	size_t nremoved, nadded;
};

/*
 * One record that differs.  ADDED: `new` is the record and `fields` all
 * its fields but `id`, as added; REMOVED: `old`, and its fields as
 * removed; CHANGED: both, and the fields that differ (`kind` among them
 * when it changed), NEW's in its order, then those NEW lacks in OLD's.
 */
struct kb_record_diff {
	enum kb_change change;
	const struct kb_record *old, *new;
	const struct kb_field_diff *fields;
	size_t nfields;
};

/*
 * Pair the records of two KBs loaded whole (not opts.stream) by id and
 * call fn(d, ud) for each record that was added, removed or changed:
 * first NEW's records in load order (added or changed), then OLD's records
 * that NEW lacks, in OLD's load order.  Values are compared as text, in
 * order: where a record is written, in which order its keys come, how its
 * values are quoted or indented, and whether a one-value list is written
 * `x` or `[x]` make no difference.  Everything d points to (the records,
 * fields and values) is valid only during the call; the strings the
 * records lend live as long as their KB.  Each record is decoded in
 * passing, so memory beyond the two KBs is about that of their largest
 * record.  A non-zero return of fn stops the walk and is returned;
 * KB_ENOMEM (err filled) when out of memory.
 */
int kb_diff(const struct kb *old, const struct kb *new,
	    int (*fn)(const struct kb_record_diff *d, void *ud), void *ud,
	    struct kb_error *err);

/*
 * True when two KBs have the same schema as kbq reads it (kinds, plurals,
 * descriptions, fields and their specs, in order), or both none: comments,
 * quoting and layout of the schema files make no difference.
 */
bool kb_schema_equal(const struct kb *a, const struct kb *b);

/* ---- dates ------------------------------------------------------------- */

/* A date as a closed period of days (days since 1970-01-01). */
struct kb_period {
	int32_t first, last;
};

/* Parse an int as the schema's type int has it: an optional sign and
 * decimal digits, within 64 bits; false when it is not one (" 5", "0x10",
 * "1e3" are not). */
bool kb_int_parse(const char *s, size_t len, long long *out);

/* Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD"; false when invalid. */
bool kb_date_parse(const char *s, size_t len, struct kb_period *p);
/* Format a day number as YYYY-MM-DD into buf (11 bytes). */
void kb_date_format(int32_t day, char buf[11]);

/* ---- queries ----------------------------------------------------------- */

enum {
	KB_Q_ICASE = 1 << 0,	/* -i: case-insensitive = and ~ on text */
	KB_Q_FIXED = 1 << 1,	/* -F: ~ is a literal substring */
};

struct kb_query;

/*
 * Compile the expression made of argv-style `words` (each shell word one
 * token) for records of the kinds in `kinds` (NULL: every kind) of `kb`.
 * Field names are checked against the schema.  An empty expression matches
 * every record.  `as_of` (or NULL) keeps only records in force on that
 * date.  On error, err->word/offset/span locate the offending token.
 * Field names are interned in kb, which is otherwise left alone.
 *
 * A back-link term (^F...) needs a KB loaded whole: on a streamed KB
 * the query compiles, kb_query_follows_refs() is true, and matching gives
 * -KB_EUSAGE until kb_load() has read the KB and the query is compiled
 * again.  On a KB loaded whole the records it holds for are found here, in
 * one pass over the KB, so compiling costs O(KB) and may fail as
 * kb_query_match() does (KB_EMATCH, err located at the referring record).
 */
int kb_query_compile(struct kb_query **out, struct kb *kb,
		     const char *const *words, size_t nwords,
		     const struct kb_kind *const *kinds, size_t nkinds,
		     unsigned flags, const char *as_of, struct kb_error *err);

/*
 * 1 if rec matches, 0 if not, or -KB_EMATCH when a regex hit its limit or
 * its ref paths reach too many records (err then says where); -KB_EUSAGE
 * for a query with back-link terms compiled on a streamed KB (see
 * kb_load).
 */
int kb_query_match(const struct kb_query *q, const struct kb_record *rec,
		   struct kb_error *err);

void kb_query_free(struct kb_query *q);

/* True when a term follows refs (A.B) or a ref backwards (^F): matching
 * then needs kb_get() or every record, so the KB cannot be streamed. */
bool kb_query_follows_refs(const struct kb_query *q);

/*
 * Calls fn(value, word, ud) for every term PATH=VALUE whose PATH ends in a
 * ref field (in one of the kinds it may reach), in the order written:
 * `value` is the id the term asks for, `word` the index of the term's
 * word.  A caller checks the ids against the KB (kb_has_id) to warn about
 * a term that names no record, as kbq does.  Strings live as long as q.
 */
void kb_query_each_ref(const struct kb_query *q,
		       void (*fn)(const char *value, int word, void *ud),
		       void *ud);

/* A compiled regex, honouring KB_Q_ICASE and KB_Q_FIXED. */
int kb_regex_compile(struct kb_regex **out, const char *pattern, size_t len,
		     unsigned flags, struct kb_error *err);
/* 1 match, 0 no match, -KB_EMATCH limit hit. */
int kb_regex_match(const struct kb_regex *re, const char *s, size_t len);
/* Like kb_regex_match, also returns the first match's byte range. */
int kb_regex_search(const struct kb_regex *re, const char *s, size_t len,
		    size_t *start, size_t *end);
void kb_regex_free(struct kb_regex *re);

/*
 * Resolve a path "a.b.c" from rec, following refs: calls fn for every
 * value reached, stopping early when fn returns non-zero (returned).
 * Returns -KB_ELIMIT when the refs fan out to too many records,
 * -KB_ENOMEM when out of memory.
 */
int kb_path_walk(const struct kb *kb, const struct kb_record *rec,
		 const char *path,
		 int (*fn)(const struct kb_record *owner,
			   const struct kb_field *field,
			   const struct kb_value *v, void *ud),
		 void *ud);

/* ---- counting records by values (--count-by) ---------------------------- */

struct kb_tally;

/*
 * A tally of records by the values that `paths` (as kb_path_walk() takes
 * them, field names already checked) reach in each: one row per distinct
 * combination of values.  The paths are copied.
 */
int kb_tally_new(struct kb_tally **out, const struct kb *kb,
		 const char *const *paths, size_t npaths, struct kb_error *err);

/*
 * Count rec once under every distinct combination of its paths' values: a
 * path that reaches several values (a list, refs followed) gives each
 * distinct value once; one that reaches none gives the empty value.  The
 * values are copied, so rec may die after the call (a streamed record).
 * Memory grows with the number of distinct rows only.  KB_ELIMIT (err
 * located at rec) when a path fans out too far or the combinations of one
 * record pass 2^20; KB_ENOMEM.  Not after kb_tally_sort().
 */
int kb_tally_add(struct kb_tally *t, const struct kb_record *rec,
		 struct kb_error *err);

/*
 * Order the rows: most records first (`fewest`: fewest first), rows with
 * as many records by their values, path by path, byte-wise.  Returns the
 * number of rows.  No record may be added after.
 */
size_t kb_tally_sort(struct kb_tally *t, bool fewest);
size_t kb_tally_rows(const struct kb_tally *t);

/*
 * Row i: its values, one per path in the order given (lent, as long as
 * the tally lives; line and col 0), and in *count the number of records
 * counted under it.  NULL when there is no row i.
 */
const struct kb_value *kb_tally_row(const struct kb_tally *t, size_t i,
				    size_t *count);

void kb_tally_free(struct kb_tally *t);

/* Edit-distance suggestion among `cands` for `word`, or NULL. */
const char *kb_suggest(const char *word, const char *const *cands, size_t n);

/* ---- changing a KB (edit.c, yspan.c, yamlw.c) -------------------------------
 *
 * A change is prepared whole before anything is written: the library reads
 * the files it touches, computes their new bytes as splices on the old
 * ones (every other byte kept: comments, blank lines, quoting, indentation,
 * anchors, line endings, a BOM, the last newline or its absence), reads the
 * result back, checks that it holds exactly the intended records and that
 * the records it changes pass validation.  It never writes a file: the
 * caller writes the splices (see struct kb_edit_file).
 */

/*
 * The length of the well-formed UTF-8 sequence at s (1 to 4 bytes) and its
 * code point, or 0 when the byte at s starts none (stray continuation byte,
 * overlong form, surrogate, beyond U+10FFFF, cut short).
 */
size_t kb_utf8_seq(const char *s, size_t len, uint32_t *cp);

enum { KB_YAML_FLOW = 1 << 0, KB_YAML_STRICT = 1 << 1 };
/*
 * True when s, written plain, reads back as the same text in every YAML
 * 1.1 and 1.2 reader (PyYAML, libyaml, yq): no number, date, keyword,
 * indicator or control character.  KB_YAML_FLOW: inside a flow collection
 * ([...], {...}); KB_YAML_STRICT: also no bidi control.
 */
bool kb_yaml_plain_ok(const char *s, size_t len, unsigned flags);

enum kb_assign_op {
	KB_ASSIGN_SET,		/* F=V (repeated: a list's elements); F= removes F */
	KB_ASSIGN_APPEND,	/* F+=V */
	KB_ASSIGN_REMOVE,	/* F-=V: every element equal to V */
};

/* One assignment word.  Values are text, never YAML. */
struct kb_assign {
	const char *field;
	enum kb_assign_op op;
	const char *value;	/* NULL for F= */
	int word;		/* the caller's word it came from, for errors */
};

struct kb_edit;

/*
 * A change to kb, a KB loaded whole by kb_open() (or kb_open_mem(), whose
 * changes stay in memory: fd is -1 and data the old bytes).  One kind of
 * request per change: kb_edit_set() for any number of records, or one
 * kb_edit_add(), one kb_edit_mv(), or kb_edit_rm() for any number.  The
 * KB must outlive the change; kb_edit_free() closes the files it read.
 */
int kb_edit_new(struct kb_edit **out, struct kb *kb, struct kb_error *err);
void kb_edit_free(struct kb_edit *ed);

/* Set fields of record `id` (SPEC 4's assignments).  Errors in the words
 * themselves (an unknown id, '+=' on a field that is no list) are
 * returned at once, err->word naming the word. */
int kb_edit_set(struct kb_edit *ed, const char *id, const struct kb_assign *a,
		size_t n, struct kb_error *err);
/* Add a record of `kind` (its `id=` among a) to `file`, a path relative to
 * the KB's root (NULL: the file holding most records of the kind). */
int kb_edit_add(struct kb_edit *ed, const char *kind, const struct kb_assign *a,
		size_t n, const char *file, struct kb_error *err);
/* Remove record `id` with the comments directly above it; unless `force`,
 * refused while records the change keeps refer to it. */
int kb_edit_rm(struct kb_edit *ed, const char *id, bool force,
	       struct kb_error *err);
/* Rename record `old_id` and every ref to it. */
int kb_edit_mv(struct kb_edit *ed, const char *old_id, const char *new_id,
	       struct kb_error *err);

/*
 * Compute, read back and check the change.  Each problem that refuses it
 * (a validate error in a record it changes, a record that refers to one it
 * removes) goes to fn, and *problems counts them.  Returns 0 (the change
 * may be written when *problems is 0), or an error code with err filled:
 * a value from an alias or a merge key (err points where to edit it), a
 * file that changed since the KB was read, a file kbq cannot edit.
 */
int kb_edit_prepare(struct kb_edit *ed,
		    void (*fn)(const struct kb_diag *d, void *ud), void *ud,
		    size_t *problems, struct kb_error *err);

/* Old bytes [off, off + len) of a file replaced by text[0..tlen). */
struct kb_splice {
	uint64_t off, len;
	const char *text;
	size_t tlen;
};

/* A file the prepared change writes, its splices in order. */
struct kb_edit_file {
	const char *path;	/* to open, as the KB named it (a symlink too) */
	const char *shown;	/* as diagnostics name it */
	const char *rel;	/* relative to the KB's root */
	bool created;		/* a new file: no old bytes */
	int fd;			/* the old file, open for reading, or -1 */
	const char *data;	/* a KB in memory: the old bytes, or NULL */
	uint64_t size;		/* of the old bytes */
	/* the old file as it was read (fstat), to tell a change since */
	uint64_t dev, ino;
	int64_t mtime_sec, mtime_nsec, ctime_sec, ctime_nsec;
	unsigned mode;
	const struct kb_splice *splices;
	size_t nsplices;
};
size_t kb_edit_nfiles(const struct kb_edit *ed);
/* Old bytes [off, off + n) of file f into buf: 0, or -1 with errno. */
int kb_edit_read(const struct kb_edit_file *f, uint64_t off, char *buf,
		 size_t n);
const struct kb_edit_file *kb_edit_file_at(const struct kb_edit *ed, size_t i);

enum kb_edit_what { KB_EDIT_ADDED, KB_EDIT_CHANGED, KB_EDIT_REMOVED,
		    KB_EDIT_RENAMED };
/* A record the prepared change adds, changes, removes or renames, in the
 * order of the requests; its place after the change (removed: before). */
struct kb_edit_rec {
	const char *file;
	uint32_t line, col;
	const char *id;
	const char *new_id;	/* KB_EDIT_RENAMED */
	enum kb_edit_what what;
};
size_t kb_edit_nrecs(const struct kb_edit *ed);
const struct kb_edit_rec *kb_edit_rec_at(const struct kb_edit *ed, size_t i);

#ifdef __cplusplus
}
#endif
#endif
