/*
 * kbq.h - shared by the kbq binary's files (cmd/).
 *
 * Adding a command:
 *  1. cmd/cmd-NAME.c with a kbq_cmd_NAME entry (designated initialisers:
 *     name, usage, summary, accepted options, argument counts, exec);
 *  2. the entry in kbq_commands[] (main.c) and CMakeLists.txt;
 *  3. man/kbq-NAME.1, whose SYNOPSIS and OPTIONS match `kbq NAME -h`
 *     (tests/man checks it);
 *  4. golden cases in tests/cli/.
 */
#ifndef KBQ_H
#define KBQ_H

#include "kb.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

enum kbq_format {
	KBQ_FMT_TEXT, KBQ_FMT_TSV, KBQ_FMT_CSV, KBQ_FMT_JSON, KBQ_FMT_JSONL,
	KBQ_FMT_YAML, KBQ_FMT_ID,
};

/* A format as a bit of kbq_cmd.formats. */
#define KBQ_F(f) (1u << KBQ_FMT_##f)

/* Options, as bits: which a command accepts. */
enum {
	KBQ_O_OUTPUT = 1 << 0,
	KBQ_O_FIELDS = 1 << 1,
	KBQ_O_SORT = 1 << 2,
	KBQ_O_REVERSE = 1 << 3,
	KBQ_O_LIMIT = 1 << 4,
	KBQ_O_COUNT = 1 << 5,
	KBQ_O_QUIET = 1 << 6,
	KBQ_O_ICASE = 1 << 7,
	KBQ_O_FIXED = 1 << 8,
	KBQ_O_NULL = 1 << 9,
	KBQ_O_ASOF = 1 << 10,
	KBQ_O_COLOR = 1 << 11,
	KBQ_O_HELP = 1 << 12,
	KBQ_O_KB = 1 << 13,
	KBQ_O_SCHEMA = 1 << 14,
	KBQ_O_VERSION = 1 << 15,
	KBQ_O_LIST = 1 << 16,	/* hidden: schema --list=WHAT for completion */
	KBQ_O_COUNTBY = 1 << 17,	/* find and the plurals */
	KBQ_O_STAT = 1 << 18,	/* diff --stat */
	KBQ_O_SINCE = 1 << 19,	/* log --since DATE */
	KBQ_O_DRYRUN = 1 << 20,	/* change commands: -n, print a diff */
	KBQ_O_FORCE = 1 << 21,	/* rm --force */
	KBQ_O_FILE = 1 << 22,	/* add --file FILE */
	KBQ_O_EMPTY = 1 << 23,	/* init --empty */
};

#define KBQ_O_GLOBAL (KBQ_O_KB | KBQ_O_SCHEMA | KBQ_O_HELP | KBQ_O_COLOR)
#define KBQ_O_LISTING (KBQ_O_OUTPUT | KBQ_O_FIELDS | KBQ_O_SORT | \
	KBQ_O_REVERSE | KBQ_O_LIMIT | KBQ_O_COUNT | KBQ_O_QUIET | \
	KBQ_O_ICASE | KBQ_O_FIXED | KBQ_O_NULL | KBQ_O_ASOF)

struct kbq_opts {
	const char *kb, *schema;
	enum kbq_format format;
	bool format_set;
	const char *fields, *sort, *as_of, *list;
	const char *count_by;	/* --count-by LIST */
	bool reverse, count, quiet, icase, fixed, null, help, version;
	long limit;		/* -1: none */
	bool stat;		/* diff --stat */
	const char *since;	/* log --since */
	bool dry_run, force, empty;	/* the change commands' */
	const char *file;		/* add --file */
	int color;		/* 0 auto, 1 always, 2 never */
	unsigned given;		/* KBQ_O_* bits the user gave */
};

struct kbq_ctx;

struct kbq_cmd {
	const char *name;
	const char *args;	/* synopsis after the options, e.g. "[EXPR...]" */
	const char *summary;
	unsigned options;	/* accepted KBQ_O_* (the global ones always) */
	unsigned formats;	/* -o formats it prints, as 1 << KBQ_FMT_*;
				 * 0 with KBQ_O_OUTPUT: every format */
	int min_args, max_args;	/* -1: no maximum */
	bool needs_kb;
	int (*exec)(struct kbq_ctx *ctx);
};

struct kbq_ctx {
	const struct kbq_cmd *cmd;
	const char *name;	/* as invoked: "find", "controls", ... */
	const struct kb_kind *kind;	/* for a per-kind command */
	struct kbq_opts o;
	const char *const *args;
	size_t nargs;
	struct kb *kb;
	bool stream;		/* records are streamed, not kept (find) */
	bool color;		/* resolved --color for stdout */
	bool color_err;		/* ... for stderr */
};

extern const struct kbq_cmd kbq_cmd_find, kbq_cmd_show, kbq_cmd_grep,
	kbq_cmd_validate, kbq_cmd_timeline, kbq_cmd_stats, kbq_cmd_schema,
	kbq_cmd_help, kbq_cmd_kind;
extern const struct kbq_cmd kbq_cmd_diff, kbq_cmd_log;
extern const struct kbq_cmd *const kbq_commands[];

/* ---- the change commands (edit.c, cmd-init.c, cmd-add.c, cmd-set.c,
 * cmd-rm.c, cmd-mv.c) ---- */
extern const struct kbq_cmd kbq_cmd_init, kbq_cmd_add, kbq_cmd_set,
	kbq_cmd_rm, kbq_cmd_mv;
#define KBQ_O_CHANGE (KBQ_O_DRYRUN | KBQ_O_QUIET)
/* Parse "F=V", "F+=V", "F-=V", "F=" (word number `word`); false when the
 * word is none of these.  a->field is malloc'd. */
bool kbq_assign_parse(const char *w, int word, struct kb_assign *a);
/* The assignments of args[from..n), or NULL after an error message. */
struct kb_assign *kbq_assigns(struct kbq_ctx *ctx, size_t from);
void kbq_assigns_free(struct kb_assign *a, size_t n);
/* Refuse a KB that cannot be changed, take the lock on the KB's root
 * (released when kbq exits), open the KB and start a change: NULL after a
 * message (exit status 2). */
struct kb_edit *kbq_edit_start(struct kbq_ctx *ctx);
/* A request refused: its error reported (the word it names underlined,
 * else the one numbered `word`), the change freed: 2. */
int kbq_edit_fail(struct kbq_ctx *ctx, struct kb_edit *ed,
		  struct kb_error *err, int word);
/* Prepare the change, then print its diff (-n) or write it and print one
 * line per record; the change freed: the exit status. */
int kbq_edit_finish(struct kbq_ctx *ctx, struct kb_edit *ed);
/* Write `len` bytes to a new file at path (not there before), flushed;
 * 0, or -1 with errno. */
int kbq_write_new(const char *path, const char *data, size_t len);

/*
 * escape.c: the one escaping rule for human-readable output (SPEC 5).
 * Control characters (C0, DEL, C1), U+2028/2029, bidi controls and bytes
 * that are not UTF-8 are written as \n \t \r \xHH \uHHHH; the rest
 * as it is.  Every byte that comes from a KB, on its way to a person
 * (stdout text or stderr), goes through one of these.
 */
enum { KBQ_ESC_BACKSLASH = 1 };	/* also write '\\' as "\\\\" (tsv) */
void kbq_esc_write(FILE *fp, const char *s, size_t len);
void kbq_esc_puts(FILE *fp, const char *s);
void kbq_esc_write_flags(FILE *fp, const char *s, size_t len, unsigned flags);
/* printf, then the whole result escaped: for kbq's own messages that quote
 * KB text (never for colour codes) */
void kbq_esc_printf(FILE *fp, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void kbq_esc_vprintf(FILE *fp, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* An escaped copy (malloc'd, NUL-terminated); its length in *outlen. */
char *kbq_esc_dup(const char *s, size_t len, size_t *outlen);

/* util.c: the only place that aborts on out-of-memory */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* "kbq: error: ..." on stderr */
void kbq_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A library error in GNU form, with the expression underlined when the
 * error points into `words`; the error is freed (kb_error_free). */
void kbq_report(struct kb_error *err, const char *const *words,
		size_t nwords);
/* The words again on stderr, escaped, with the bytes [offset, offset+span)
 * of words[word] underlined (^~~~). */
void kbq_underline(const char *const *words, size_t nwords, size_t word,
		   size_t offset, size_t span);
/* Exit status 2 after checking that stdout could be written. */
int kbq_finish(int status);

/* main.c (the fuzz target tests/fuzz/fuzz-print.c builds it as kbq_main:
 * this prototype then declares that) */
int main(int argc, char **argv);
/* The formats a command prints, as bits (KBQ_F(TEXT) | ...). */
unsigned kbq_cmd_formats(const struct kbq_cmd *cmd);
void kbq_usage(FILE *fp, const struct kbq_cmd *cmd, const char *name);
const struct kbq_cmd *kbq_lookup(const char *name);
/* The KB a command reads: --kb, else $KBQ_KB, else NULL (built in). */
const char *kbq_kb_path(const struct kbq_ctx *ctx);
/* What a KB word names (SPEC 2, 3): NULL the built-in KB, "-" standard
 * input, a path that exists (or holds no ':') a path, else REV:PATH. */
enum kbq_source { KBQ_KB_BUILTIN, KBQ_KB_STDIN, KBQ_KB_PATH, KBQ_KB_REV };
enum kbq_source kbq_kb_source(const char *path);
/* Open the KB the options name ($KBQ_KB, else the built-in one). */
int kbq_open(struct kbq_ctx *ctx, struct kb_error *err);
/* Open the KB `path` names (kbq_kb_source()) with ctx's options; close it
 * with kbq_close_kb(). */
int kbq_open_kb(const struct kbq_ctx *ctx, const char *path, struct kb **out,
		struct kb_error *err);
/* The same, reporting a failure: 0, or -1 after the diagnostic. */
int kbq_open_report(struct kbq_ctx *ctx);
/* "Try 'kbq NAME -h' for more information." (NULL: 'kbq help') */
void kbq_try(const char *name);
/* "unknown command 'x' (did you mean 'y'?)", the KB's plurals included */
void kbq_unknown_command(const char *name, const struct kb *kb);

/*
 * git.c: KBs from git revisions (SPEC 3) and the git children behind them.
 * Every message git prints is kept from the terminal: a failing child's
 * first line of standard error comes back in a message buffer.
 */
#define KBQ_GIT_MSG 256
struct kbq_git_proc {
	pid_t pid;
	int to;		/* its standard input, or -1 */
	FILE *from;	/* its standard output */
	FILE *err;	/* its standard error: a temporary file */
};
/* Start `git [-C dir] ARGS...` (args end in NULL), with a pipe to its
 * standard input when `input`.  0, or an error naming `where`. */
int kbq_git_start(struct kbq_git_proc *p, const char *dir,
		  const char *const *args, bool input, const char *where,
		  struct kb_error *err);
/* Close the pipes, reap the child: its exit status (128 + N when killed
 * by signal N); when non-zero and msg is given, git's first line of
 * standard error in msg (KBQ_GIT_MSG bytes, raw: escape it to print). */
int kbq_git_end(struct kbq_git_proc *p, char *msg);

/* One `git cat-file --batch --follow-symlinks` for every object a command
 * reads.  Requests go one at a time: each answer is read whole first. */
struct kbq_batch {
	struct kbq_git_proc p;
	const char *where;	/* named in errors */
	bool dead;
};
struct kbq_object {
	char oid[72];
	char type[16];	/* blob, tree, ..., or missing, ambiguous, dangling,
			 * loop, notdir, symlink (then no data) */
	char *data;	/* malloc'd, NUL-terminated; NULL without object */
	size_t len;
};
int kbq_batch_open(struct kbq_batch *b, const char *dir, const char *where,
		   struct kb_error *err);
/* Ask for `name` (an oid, or OID:PATH); 0 with *obj filled, also when git
 * has no such object (its type says why).  The caller frees obj->data. */
int kbq_batch_get(struct kbq_batch *b, const char *name,
		  struct kbq_object *obj, struct kb_error *err);
int kbq_batch_close(struct kbq_batch *b, struct kb_error *err);

/* A REV:PATH word, resolved in the repository of `dir` (NULL: the current
 * directory). */
struct kbq_gitkb {
	char *rev, *path;	/* as written, PATH without trailing '/' */
	char *full;		/* PATH from the repository's top, "" for it */
	char *oid;		/* REV peeled to a commit or a tree, in hex */
	char *shown;		/* the word, as files are named: SHOWN/FILE */
	char *dir;
	bool schema_set;	/* --schema given: schema.yaml is records */
};
/* Lowercase hex digits, n of them (n > 0): an object id as git prints it. */
bool kbq_git_hex(const char *s, size_t n);
/* Split at the first ':' outside "@{...}", as git does; both malloc'd. */
void kbq_git_split(const char *word, char **rev, char **path);
/* Resolve `word`, its revision peeled to `peel` ("commit" or "tree"):
 * errors for a missing git, no repository, an unknown revision, a path
 * out of the repository. */
int kbq_git_resolve(struct kbq_gitkb *g, const char *word, const char *dir,
		    const char *peel, struct kb_error *err);
void kbq_gitkb_free(struct kbq_gitkb *g);
/* Files read from git for kb_open_mem(), and their memory: names and data
 * are malloc'd, owned here, and must outlive the KB (records point at
 * their file's name). */
struct kbq_files {
	struct kb_memfile *v;
	size_t n, cap;
	char *root;		/* the names' common beginning, or NULL */
};
/* Add a file: the name is copied, the data (malloc'd) taken. */
void kbq_files_add(struct kbq_files *f, const char *name, char *data,
		   size_t len);
void kbq_files_free(struct kbq_files *f);
/* Open REV:PATH as a KB (SPEC 3): a directory's YAML files (walked as on
 * disk: names starting with '.' skipped, links followed, schema.yaml at
 * the root the schema) or one file, named REV:PATH/FILE, loaded with
 * kb_open_mem().  Their memory lives until kbq_close_kb() or exit. */
int kbq_git_open(const char *word, const struct kb_open_opts *opts,
		 struct kb **out, struct kb_error *err);
/* Is `rel` (a path below a KB's root) one of its YAML files: a .yaml or
 * .yml name, no step starting with '.'? */
bool kbq_git_kb_file(const char *rel);
/* kb_free(), and the memory of a KB read from git. */
void kbq_close_kb(struct kb *kb);

/*
 * cmd-diff.c: record changes between two loaded KBs (kb_diff()), printed
 * as `diff` and `log` print them.  Set ctx, fp, old, new, format, quiet
 * and stat, compile EXPR, then run.
 */
struct kbq_kindchange {
	const char *kind;
	enum kb_change change;
};
struct kbq_changes {
	struct kbq_ctx *ctx;
	FILE *fp;
	struct kb *old, *new;
	enum kbq_format format;	/* text, json, jsonl or id */
	bool quiet;		/* count only */
	bool stat;		/* keep each record's kind and change */
	bool needs_whole;	/* log: EXPR may not follow refs */
	bool embed;		/* json objects joined by ',' alone (log) */
	bool lenient;		/* EXPR that neither version takes matches
				 * nothing, no error (log: checked before) */
	/* EXPR for each version: a version whose schema rejects it has
	 * none, and then no record matches there */
	bool filter;
	struct kb_query *qold, *qnew;
	size_t n;		/* records that differ (and match) */
	size_t nobj;		/* json objects written, for the commas */
	struct kbq_kindchange *kinds;
	size_t nkinds, capkinds;
	struct kb_error err;
};
/* Compile EXPR for both versions: -1 after the error when neither takes it. */
int kbq_changes_compile(struct kbq_changes *c, const char *const *words,
			size_t n);
/* Is the schema different (kb_schema_equal)?  When `show`, say so in one
 * line (text), or one object {"schema": "changed"} (json, jsonl). */
bool kbq_changes_schema(struct kbq_changes *c, bool show);
/* Print every record that differs and matches: 0, or 2 after an error. */
int kbq_changes_run(struct kbq_changes *c);
/* One record's change as a JSON object, no newline. */
void kbq_changes_json(struct kbq_changes *c, const struct kb_record_diff *d);
void kbq_changes_free(struct kbq_changes *c);

/* output.c: the listing formats */
struct kbq_out;
struct kbq_out *kbq_out_new(struct kbq_ctx *ctx, const struct kb_kind *kind);
/* The same, for the records `recs` that will be printed: what `*` in
 * --fields stands for may depend on them (kbq_fields_need_records()). */
struct kbq_out *kbq_out_new_recs(struct kbq_ctx *ctx, const struct kb_kind *kind,
				 const struct kb_record *const *recs, size_t nrecs);
/* Rows are buffered or streamed as the format allows. */
void kbq_out_record(struct kbq_out *out, const struct kb_record *rec);
void kbq_out_end(struct kbq_out *out);
/* Free an output without finishing it (an error met while streaming):
 * what was written stays as it is.  kbq_out_end() frees too. */
void kbq_out_free(struct kbq_out *out);
/* Sort buffered records by --sort/--reverse (stable); used by callers
 * that collect matches first. */
void kbq_sort_records(struct kbq_ctx *ctx, const struct kb_record **recs,
		      size_t n);
/* Compile the expression of `words` for ctx's kind, and check --fields,
 * --sort and --count-by; prints errors.  When the KB is streamed and the
 * query or a path follows refs, reads the KB whole first (ctx->stream
 * turns false). */
int kbq_compile(struct kbq_ctx *ctx, const char *const *words, size_t n,
		struct kb_query **q);
/* Called for each matching record; a non-zero return (with err filled)
 * stops the reading and is reported. */
typedef int kbq_match_fn(struct kbq_ctx *ctx, const struct kb_record *rec,
			 void *ud, struct kb_error *err);
/* Call fn for each record of ctx's kind matching q, in load order, while
 * reading the KB when ctx->stream.  Returns 0, or 2 after reporting an
 * error (which may come after fn has printed). */
int kbq_each_match(struct kbq_ctx *ctx, const struct kb_query *q,
		   kbq_match_fn *fn, void *ud);
/* Collect the records matching `q`, honouring --sort and --reverse.
 * Returns 0, or 2 after reporting an error. */
int kbq_select(struct kbq_ctx *ctx, const struct kb_query *q,
	       const struct kb_record ***out, size_t *n);

/*
 * --limit, -q and -c, the same for every listing (find, the plurals, grep,
 * timeline).  kbq_take() counts one more match in *n and is true, or false
 * once --limit matches were taken (the rest are read, not listed);
 * kbq_limited() is n cut at --limit; kbq_listing() is whether the matches
 * themselves are printed (neither -q nor -c); kbq_listed() ends a listing
 * of n matches: -c prints n (unless -q), and the status is 0 with
 * matches, 1 without.
 */
bool kbq_take(const struct kbq_ctx *ctx, size_t *n);
size_t kbq_limited(const struct kbq_ctx *ctx, size_t n);
bool kbq_listing(const struct kbq_ctx *ctx);
int kbq_listed(const struct kbq_ctx *ctx, size_t n);

/* fields.c: the values of a --fields path, one position per element of
 * each list it passes through (SPEC 2).  A cell is absent (v NULL, not a
 * list), a value (v), or a list of cells (list, elems[n]). */
struct kbq_cell {
	const struct kb_value *v;
	struct kbq_cell *elems;
	size_t n;
	bool list;
};
/* Does `*` in --fields need the records printed first (find, or no
 * schema: the fields present in them) rather than the kind's schema? */
bool kbq_fields_need_records(const struct kbq_ctx *ctx,
			     const struct kb_kind *kind);
/* What `*` stands for (SPEC 2): id, kind, then the kind's fields in
 * schema order, or, for find and schema-less KBs, every field of `recs`
 * in order of first appearance.  malloc'd array of lent names. */
const char **kbq_fields_star(const struct kbq_ctx *ctx,
			     const struct kb_kind *kind,
			     const struct kb_record *const *recs, size_t n,
			     size_t *count);
/* Does the comma-separated LIST name `name` (as a whole item)? */
bool kbq_fields_names(const char *list, const char *name);
/* Is f a list in rec: declared so by rec's kind, or written as one? */
bool kbq_field_is_list(const struct kb *kb, const struct kb_record *rec,
		       const struct kb_field *f);
/* The cell of `path` (checked) from r, or with `field` of the field
 * called so, dots and all; a path that visits more than 2^20 records is
 * an error at r (exit 2).  Free with kbq_cell_free(). */
void kbq_cell_get(struct kbq_ctx *ctx, const struct kb_record *r,
		  const char *path, bool field, struct kbq_cell *out);
void kbq_cell_free(struct kbq_cell *c);
/* json: a string, null, or an array of these */
void kbq_cell_json(FILE *fp, const struct kbq_cell *c);
/* yaml, after "key:": " value\n", " null\n" or a block sequence */
void kbq_cell_yaml(FILE *fp, const struct kbq_cell *c);
/* tsv, csv, text: a value as it is, a list's elements joined with ';'
 * ("; " in text), ';' and '\' inside an element written "\;" and "\\"
 * (tsv: with its own escapes too), a list in a list joined so and escaped
 * again as one element.  *escaped: the result is tsv already (a tsv list);
 * otherwise it is to go through kbq_tsv_field(), kbq_csv_field() or a
 * table cell.  malloc'd. */
char *kbq_cell_joined(const struct kbq_cell *c, enum kbq_format fmt,
		      size_t *len, bool *escaped);

/* count-by.c: --count-by, the rows for the records matching q (find and
 * the plurals).  Returns the exit status, after reporting any error. */
int kbq_count_by(struct kbq_ctx *ctx, const struct kb_query *q);
/* The options --count-by cannot go with: 0, or 2 after saying why. */
int kbq_count_by_usage(const struct kbq_ctx *ctx);

/* names.c: records by name or alias, and suggestions for an id */
struct kbq_names;
/* Read every record of kb once (kb_stream): NULL with err on failure. */
struct kbq_names *kbq_names_new(struct kb *kb, struct kb_error *err);
void kbq_names_free(struct kbq_names *nm);
/* The records whose name or an alias is `word` (ASCII case ignored), in
 * load order: how many there are; the first `max` ids (and names, which
 * may be NULL) in ids[] and names[]. */
size_t kbq_names_find(const struct kbq_names *nm, const char *word,
		      const char **ids, const char **names, size_t max);
/* The id of the record whose id, name or alias is closest to `word` by
 * edit distance, or NULL; its name (or NULL) in *name. */
const char *kbq_names_suggest(const struct kbq_names *nm, const char *word,
			      const char **name);
/* After a query: a warning on stderr for each term REF=ID whose ID no
 * record has, with a suggestion by id, name or alias (SPEC 2); nothing
 * under -q. */
void kbq_warn_refs(struct kbq_ctx *ctx, const struct kb_query *q,
		   const char *const *words);

/* Writers shared by the formats. */
void kbq_json_string(FILE *fp, const char *s, size_t len);
/* Values as find's json writes them: one string, or an array when `list`
 * or when there are not exactly one. */
void kbq_json_values(FILE *fp, const struct kb_value *const *v, size_t n,
		     bool list);
void kbq_tsv_field(FILE *fp, const char *s, size_t len);
void kbq_csv_field(FILE *fp, const char *s, size_t len);
void kbq_yaml_scalar(FILE *fp, const char *s, size_t len);
/* A mapping key and its ':' */
void kbq_yaml_key(FILE *fp, const char *k);
/* "path 'P' from record 'R' reaches too many records" (rc -KB_ELIMIT)
 * or out of memory (-KB_ENOMEM), then exit 2 */
void kbq_die_fanout(const struct kb_record *r, const char *path, int rc)
	__attribute__((noreturn));
/* Display width of UTF-8 text in a terminal. */
size_t kbq_width(const char *s, size_t len);

/* A simple text table: cells are copied; printed aligned at the end. */
struct kbq_table;
struct kbq_table *kbq_table_new(size_t ncols);
void kbq_table_cell(struct kbq_table *t, const char *s, size_t len);
void kbq_table_print(struct kbq_table *t, FILE *fp, bool color, bool header);
void kbq_table_free(struct kbq_table *t);

/* Color escapes, or "" when color is off. */
const char *kbq_c(bool on, const char *code);

#endif
