/*
 * edit.c - changing records in place (SPEC 4), the way a careful person
 * with an editor would: a change becomes splices on the old bytes of the
 * files it touches, so every other byte stays as it was.
 *
 * The steps of kb_edit_prepare():
 *
 *  1. The records the requests name become targets, each with what
 *     happens to it (fields set, refs rewritten, an id renamed, removed,
 *     added), grouped by file.
 *  2. Each file is read in regions that parse on their own (yspan.c): the
 *     whole file, or for a large one, the stretch of its top-level list
 *     from the element before each target to the element after it (units
 *     of a list at column 0, as par.c cuts them).  A region is only used
 *     when every record it holds is exactly the record the KB loaded at
 *     that place and it holds no anchor or alias; else the file is read
 *     whole.  So `kbq set` on a large file reads the file once to find
 *     lines, and parses only the few elements it changes.
 *  3. Each target's change becomes splices on its region, in the layout of
 *     the record and its neighbours (block or flow, indentation, list
 *     style, line endings).
 *  4. Each changed region is read back by the loader itself: it must hold
 *     the old records with exactly the intended changes and nothing else
 *     (a record that aliases or merges a changed anchor may change too,
 *     and is then checked and reported).  The records that changed are
 *     validated against the KB as it will be (ids added, renamed or
 *     removed), so that only problems the change makes refuse it.
 *
 * Nothing is written here: the caller gets the splices per file.
 */
#include "kb-int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Files smaller than this are always read and parsed whole.  Tests lower
 * it to 0, so that every file takes the path of large ones. */
#ifndef KB_EDIT_WHOLE
#define KB_EDIT_WHOLE ((size_t)256 << 10)
#endif
/* Elements compared to find the kept ones of a changed list (LCS). */
#define LCS_MAX ((size_t)1 << 22)

enum rq { RQ_NONE, RQ_SET, RQ_ADD, RQ_RM, RQ_MV };

/* What one field of a record becomes. */
struct fop {
	const char *name;
	int word;
	bool clear;		/* removed */
	bool list;		/* written as a list */
	const char **vals;
	size_t n;
};

/* A record the change touches. */
struct target {
	size_t rec;		/* in kb->recs; YS_NONE: added */
	const char *id;
	const char *kind;	/* after the change */
	struct fop *fops;
	size_t nfops;
	const char **reffields;	/* mv: fields whose values name the old id */
	size_t nreffields, capreffields;
	bool rm, add, rename, refs;
	bool affected;		/* changed through an anchor it aliases */
	size_t file, reg, ysrec;
	/* after preparing */
	bool changed;
	uint32_t line, col;
	const struct kb_record *now;	/* as read back, for validation */
};

/* A splice on a region, offsets in the region. */
struct rsp {
	size_t off, len;
	const char *text;
	size_t tlen;
	size_t seq;		/* made in this order */
};

struct region {
	size_t off, len;	/* in the file */
	uint32_t base_line;
	char *data;		/* its bytes */
	bool own;		/* data malloc'd */
	struct ys_file ys;
	bool parsed;
	size_t *kbrec;		/* per ys record: its index in kb->recs */
	struct rsp *sp;
	size_t nsp, capsp;
	struct kb_buf nw;	/* the new bytes */
	struct kb_memfile mf;	/* nw as a file */
	struct kb *after;	/* nw read back */
	long dlines;		/* lines gained */
	unsigned blank_above;	/* blank lines above its first target */
};

struct efile {
	int kbfile;		/* kb->paths or kb->mem index; -1: new */
	const char *path, *shown, *rel;
	const char *memdata;	/* a KB in memory */
	int fd;
	struct stat st;
	size_t size;
	size_t rec0, nrec;	/* its records in kb->recs */
	bool whole;
	struct region *regs;
	size_t nregs;
	char eol[3];
	struct kb_splice *out;
	size_t nout;
	struct kb_edit_file pub;
};

struct kb_edit {
	struct kb *kb;
	struct kb_arena arena;	/* copies of the requests, splice texts */
	enum rq kind;
	struct target *t;
	size_t nt, capt;
	const char *old_id, *new_id;	/* mv */
	const char *add_id;		/* add */
	const char *add_file;		/* add: relative to the root */
	bool force;
	struct efile *files;
	size_t nfiles, capfiles;
	struct kb_edit_rec *out;
	size_t nout, capout;
	bool prepared;
	struct kb_strmap tmap;	/* target ids -> targets + 1 */
	size_t nparts;		/* regions read in parts of large files */
	/* kb_edit_prepare()'s problems */
	void (*fn)(const struct kb_diag *d, void *ud);
	void *ud;
	size_t problems;
};

/* ---- small helpers --------------------------------------------------------- */

static int oom(struct kb_error *err)
{
	return kb_err(err, KB_ENOMEM, NULL, 0, 0, "out of memory");
}

static char *copy(struct kb_edit *ed, const char *s, size_t n)
{
	return kb_arena_strndup(&ed->arena, s, n);
}

static char *scopy(struct kb_edit *ed, const char *s)
{
	return copy(ed, s, strlen(s));
}

/* Valid UTF-8 (NUL-terminated, so without NUL). */
static bool utf8_ok(const char *s)
{
	size_t len = strlen(s), i, n;
	uint32_t cp;

	for (i = 0; i < len; i += n)
		if (!(n = kb_utf8_seq(s + i, len - i, &cp)))
			return false;
	return true;
}

static size_t kb_rec_index(const struct kb *kb, const struct kb_crec *c)
{
	return kb->recs[c->index] == c ? c->index : YS_NONE;
}

/* " (did you mean 'x'?)" */
static const char *hint(char *buf, size_t n, const char *s)
{
	if (!s)
		return "";
	snprintf(buf, n, " (did you mean '%s'?)", s);
	return buf;
}

static struct target *new_target(struct kb_edit *ed, struct kb_error *err)
{
	struct target *t;

	if (kb_grow((void **)&ed->t, &ed->capt, ed->nt + 1, sizeof(*ed->t)) < 0) {
		oom(err);
		return NULL;
	}
	t = &ed->t[ed->nt++];
	memset(t, 0, sizeof(*t));
	t->rec = YS_NONE;
	t->file = t->reg = t->ysrec = YS_NONE;
	return t;
}

static struct target *target_of(struct kb_edit *ed, size_t rec)
{
	size_t i;

	for (i = 0; i < ed->nt; i++)
		if (ed->t[i].rec == rec)
			return &ed->t[i];
	return NULL;
}

/* The record with this id, or an error with a suggestion. */
static size_t find_rec(struct kb_edit *ed, const char *id, int word,
		       struct kb_error *err)
{
	struct kb_crec *c = kb_find(ed->kb, id);
	char h[300];

	if (c)
		return kb_rec_index(ed->kb, c);
	kb_err(err, KB_EUSAGE, NULL, 0, 0, "no record '%s'%s", id,
	       hint(h, sizeof(h), kb_suggest_id(ed->kb, id)));
	err->word = word;
	return YS_NONE;
}

/* ---- requests ------------------------------------------------------------------ */

int kb_edit_new(struct kb_edit **out, struct kb *kb, struct kb_error *err)
{
	struct kb_edit *ed;

	*out = NULL;
	if (kb->stream)
		return kb_err(err, KB_EUSAGE, NULL, 0, 0,
			      "a KB to change must be loaded whole");
	if (!(ed = calloc(1, sizeof(*ed))))
		return oom(err);
	ed->kb = kb;
	*out = ed;
	return 0;
}

static int one_kind(struct kb_edit *ed, enum rq kind, struct kb_error *err)
{
	if (ed->prepared || (ed->kind && ed->kind != kind) ||
	    (ed->kind && (kind == RQ_ADD || kind == RQ_MV)))
		return kb_err(err, KB_EUSAGE, NULL, 0, 0,
			      "one kind of change at a time");
	ed->kind = kind;
	return 0;
}

static const struct kb_fieldspec *spec_of(const struct kb *kb, const char *kind,
					  const char *field)
{
	return kb_kind_field(kb_kind_find(kb, kind), field);
}

static bool same_text(const char *a, const char *b)
{
	return !strcmp(a, b);
}

/*
 * What the assignments make of the fields of `rec` (NULL: a new record of
 * `kind`): one fop per field named, in the order first named; fields that
 * end as they were are left out.
 */
static int make_fops(struct kb_edit *ed, struct target *t,
		     const struct kb_record *rec, const char *kind,
		     const struct kb_assign *a, size_t n, struct kb_error *err)
{
	size_t i, j, k;

	if (!(t->fops = kb_arena_alloc(&ed->arena, (n ? n : 1) * sizeof(*t->fops))))
		return oom(err);
	t->nfops = 0;
	for (i = 0; i < n; i++) {
		const struct kb_fieldspec *fs;
		const struct kb_field *old;
		struct fop *f;
		bool set = false, clear = false, listop = false;
		size_t nv = 0, cap;

		for (j = 0; j < i; j++)
			if (!strcmp(a[j].field, a[i].field))
				break;
		if (j < i)
			continue;	/* done with its first word */
		if (!*a[i].field || !utf8_ok(a[i].field)) {
			kb_err(err, KB_EUSAGE, NULL, 0, 0,
			       "'%s' is no field name", a[i].field);
			err->word = a[i].word;
			return KB_EUSAGE;
		}
		if (!strcmp(a[i].field, "id") && rec) {
			kb_err(err, KB_EUSAGE, NULL, 0, 0,
			       "an id is changed with 'kbq mv OLD NEW', which "
			       "also rewrites the refs to it");
			err->word = a[i].word;
			return KB_EUSAGE;
		}
		if (!strcmp(a[i].field, "kind") && !rec) {
			kb_err(err, KB_EUSAGE, NULL, 0, 0,
			       "the kind of a new record is the word after "
			       "'add', not an assignment");
			err->word = a[i].word;
			return KB_EUSAGE;
		}
		for (j = i; j < n; j++) {
			if (strcmp(a[j].field, a[i].field))
				continue;
			if (a[j].value && !utf8_ok(a[j].value)) {
				kb_err(err, KB_EUSAGE, NULL, 0, 0,
				       "the value of '%s' is not UTF-8 text",
				       a[j].field);
				err->word = a[j].word;
				return KB_EUSAGE;
			}
			if (a[j].value && strlen(a[j].value) > KB_MAX_SCALAR) {
				kb_err(err, KB_ELIMIT, NULL, 0, 0,
				       "the value of '%s' is over the limit of "
				       "%zu bytes", a[j].field, KB_MAX_SCALAR);
				err->word = a[j].word;
				return KB_ELIMIT;
			}
			if (a[j].op == KB_ASSIGN_SET && !a[j].value)
				clear = true;
			else if (a[j].op == KB_ASSIGN_SET)
				set = true;
			else
				listop = true;
			if ((clear && (set || listop)) || (set && listop)) {
				kb_err(err, KB_EUSAGE, NULL, 0, 0,
				       "field '%s' is given both %s", a[j].field,
				       clear && set ? "values and 'F=' (remove)" :
				       clear ? "'F=' (remove) and '+=' or '-='" :
				       "'=' and '+=' or '-='");
				err->word = a[j].word;
				return KB_EUSAGE;
			}
		}
		fs = spec_of(ed->kb, kind, a[i].field);
		old = rec ? kb_record_field(rec, a[i].field) : NULL;
		f = &t->fops[t->nfops];
		memset(f, 0, sizeof(*f));
		if (!(f->name = scopy(ed, a[i].field)))
			return oom(err);
		f->word = a[i].word;
		if (listop && fs && !fs->list) {
			kb_err(err, KB_EUSAGE, NULL, 0, 0,
			       "field '%s' of kind '%s' holds one value: '+=' "
			       "and '-=' work on lists", a[i].field, kind);
			err->word = a[i].word;
			return KB_EUSAGE;
		}
		if ((!strcmp(a[i].field, "id") || !strcmp(a[i].field, "kind")) &&
		    (clear || listop)) {
			kb_err(err, KB_EUSAGE, NULL, 0, 0,
			       "every record has one '%s'", a[i].field);
			err->word = a[i].word;
			return KB_EUSAGE;
		}
		cap = (old ? old->count : 0) + n;
		if (!(f->vals = kb_arena_alloc(&ed->arena, cap * sizeof(*f->vals))))
			return oom(err);
		if (clear) {
			f->clear = true;
			if (!old)
				continue;	/* absent already */
			t->nfops++;
			continue;
		}
		if (listop && old)
			for (k = 0; k < old->count; k++)
				f->vals[nv++] = old->values[k].text;
		for (j = i; j < n; j++) {
			if (strcmp(a[j].field, a[i].field))
				continue;
			if (a[j].op == KB_ASSIGN_REMOVE) {
				size_t w = 0;

				for (k = 0; k < nv; k++)
					if (!same_text(f->vals[k], a[j].value))
						f->vals[w++] = f->vals[k];
				nv = w;
			} else if (!(f->vals[nv++] = scopy(ed, a[j].value))) {
				return oom(err);
			}
		}
		f->n = nv;
		if (set && nv > 1 && fs && !fs->list) {
			kb_err(err, KB_EUSAGE, NULL, 0, 0,
			       "field '%s' of kind '%s' holds one value, not %zu",
			       a[i].field, kind, nv);
			err->word = a[i].word;
			return KB_EUSAGE;
		}
		if (set && nv > 1 && (!strcmp(a[i].field, "id") ||
				      !strcmp(a[i].field, "kind"))) {
			kb_err(err, KB_EUSAGE, NULL, 0, 0,
			       "every record has one '%s'", a[i].field);
			err->word = a[i].word;
			return KB_EUSAGE;
		}
		f->list = fs ? fs->list : (nv > 1 || listop || (old && old->is_list));
		if (!nv) {	/* every element removed: the field goes */
			f->clear = true;
			if (!old)
				continue;
		} else if (old && old->count == nv) {
			for (k = 0; k < nv; k++)
				if (!same_text(old->values[k].text, f->vals[k]))
					break;
			if (k == nv)
				continue;	/* as it was */
		}
		t->nfops++;
	}
	return 0;
}

int kb_edit_set(struct kb_edit *ed, const char *id, const struct kb_assign *a,
		size_t n, struct kb_error *err)
{
	const struct kb_record *rec;
	struct target *t;
	size_t r;
	int rc;

	if ((rc = one_kind(ed, RQ_SET, err)))
		return rc;
	if ((r = find_rec(ed, id, -1, err)) == YS_NONE)
		return KB_EUSAGE;
	if (target_of(ed, r))
		return 0;	/* named twice: once is enough */
	if (!(rec = kb_crec_full(ed->kb, ed->kb->recs[r])))
		return oom(err);
	if (!(t = new_target(ed, err)))
		return KB_ENOMEM;
	t->rec = r;
	t->id = rec->id;
	t->kind = rec->kind;
	if ((rc = make_fops(ed, t, rec, rec->kind, a, n, err)))
		return rc;
	for (r = 0; r < t->nfops; r++)
		if (!strcmp(t->fops[r].name, "kind") &&
		    !(t->kind = kb_intern(ed->kb, t->fops[r].vals[0],
					  strlen(t->fops[r].vals[0]))))
			return oom(err);
	return 0;
}

/* The schema's place of a field in a kind (for the order of a new
 * record's fields); unknown fields come last. */
static size_t schema_rank(const struct kb *kb, const char *kind, const char *f)
{
	const struct kb_kind *k = kb_kind_find(kb, kind);
	size_t i;

	if (!strcmp(f, "id"))
		return 0;
	for (i = 0; k && i < k->nfields; i++)
		if (!strcmp(k->fields[i].name, f))
			return i + 1;
	return (size_t)-1 / 2;
}

/* A path relative to the KB's root that a KB walk reads as records. */
static bool rel_ok(const char *rel)
{
	const char *p = rel, *slash;
	size_t n = strlen(rel);

	if (!n || rel[0] == '/' || !strcmp(rel, "schema.yaml"))
		return false;
	if (!((n > 5 && !strcmp(rel + n - 5, ".yaml")) ||
	      (n > 4 && !strcmp(rel + n - 4, ".yml"))))
		return false;
	for (;;) {
		if (*p == '.' || *p == '/')	/* hidden, "..", or "//" */
			return false;
		if (!(slash = strchr(p, '/')))
			return true;
		p = slash + 1;
	}
}

/* The KB file index whose path relative to the root is rel, or -1. */
static int kbfile_by_rel(const struct kb *kb, const char *rel)
{
	size_t i, rl = kb->root ? strlen(kb->root) : 0;

	for (i = 0; i < kb->nfiles; i++) {
		const char *p = kb->paths[i];

		if (kb->root_dir && !strncmp(p, kb->root, rl) && p[rl] == '/' &&
		    !strcmp(p + rl + 1, rel))
			return (int)i;
		if (!kb->root_dir) {
			const char *b = strrchr(p, '/');

			if (!strcmp(b ? b + 1 : p, rel))
				return (int)i;
		}
	}
	for (i = 0; i < kb->nmem; i++)
		if (!strcmp(kb->mem[i]->name + kb->mempre, rel))
			return (int)i;
	return -1;
}

/* The name of a KB file as records name it. */
static const char *kbfile_shown(const struct kb *kb, int i)
{
	return kb->nmem ? kb->mem[i]->name : kb->shown[i];
}

int kb_edit_add(struct kb_edit *ed, const char *kind, const struct kb_assign *a,
		size_t n, const char *file, struct kb_error *err)
{
	struct kb *kb = ed->kb;
	struct target *t;
	const struct kb_kind *k = kb_kind_find(kb, kind);
	size_t i, j, *count = NULL, best = 0, nf;
	int rc, bi = -1;
	char h[300];

	if ((rc = one_kind(ed, RQ_ADD, err)))
		return rc;
	if (kb_has_schema(kb) && !k) {
		const char *names[512];

		for (i = 0; i < kb_kind_count(kb) && i < 512; i++)
			names[i] = kb_kind_at(kb, i)->name;
		return kb_err(err, KB_EUSAGE, NULL, 0, 0, "unknown kind '%s'%s",
			      kind, hint(h, sizeof(h), kb_suggest(kind, names, i)));
	}
	if (!*kind || !utf8_ok(kind))
		return kb_err(err, KB_EUSAGE, NULL, 0, 0, "'%s' is no kind", kind);
	if (!(t = new_target(ed, err)))
		return KB_ENOMEM;
	t->add = true;
	if (!(t->kind = kb_intern(kb, kind, strlen(kind))))
		return oom(err);
	if ((rc = make_fops(ed, t, NULL, kind, a, n, err)))
		return rc;
	for (i = 0; i < t->nfops && strcmp(t->fops[i].name, "id"); i++)
		;
	if (i == t->nfops)
		return kb_err(err, KB_EUSAGE, NULL, 0, 0,
			      "a new record needs its id: 'id=ID'");
	t->id = ed->add_id = t->fops[i].vals[0];
	if (kb_find(kb, t->id)) {
		const struct kb_record *o = kb_get(kb, t->id);

		kb_err(err, KB_EUSAGE, NULL, 0, 0,
		       "id '%s' is taken (by the record at %s:%u:%u)", t->id,
		       o ? o->file : "?", o ? o->line : 0, o ? o->col : 0);
		err->word = t->fops[i].word;
		return KB_EUSAGE;
	}
	/* id first, then the schema's order */
	for (i = 1; i < t->nfops; i++)
		for (j = i; j > 0 && schema_rank(kb, kind, t->fops[j].name) <
				     schema_rank(kb, kind, t->fops[j - 1].name); j--) {
			struct fop tmp = t->fops[j];

			t->fops[j] = t->fops[j - 1];
			t->fops[j - 1] = tmp;
		}
	/* the file: as given, else the one holding most records of the kind */
	if (file) {
		if (!rel_ok(file))
			return kb_err(err, KB_EUSAGE, NULL, 0, 0,
				      "'%s' is no record file of the KB (a "
				      "*.yaml or *.yml path inside it, no part "
				      "starting with '.', not schema.yaml)", file);
		if (!kb->root_dir && !kb->nmem && kbfile_by_rel(kb, file) < 0)
			return kb_err(err, KB_EUSAGE, NULL, 0, 0,
				      "the KB is the single file '%s': it is "
				      "the only file to add to", kb->root);
		if (!(ed->add_file = scopy(ed, file)))
			return oom(err);
		return 0;
	}
	nf = kb->nmem ? kb->nmem : kb->nfiles;
	if (!(count = calloc(nf ? nf : 1, sizeof(*count))))
		return oom(err);
	for (i = 0, j = 0; i < kb->nrecs; i++) {
		if (kb->recs[i]->kind != t->kind)
			continue;
		while (j < nf && strcmp(kbfile_shown(kb, (int)j), kb->recs[i]->file))
			j++;
		if (j == nf)	/* records come in file order */
			for (j = 0; j < nf &&
			     strcmp(kbfile_shown(kb, (int)j), kb->recs[i]->file); j++)
				;
		if (j < nf && ++count[j] > best) {
			best = count[j];
			bi = (int)j;
		}
	}
	free(count);
	if (bi < 0 && nf == 1 && !kb->root_dir && !kb->nmem)
		bi = 0;		/* a KB of one file */
	if (bi < 0)
		return kb_err(err, KB_EUSAGE, NULL, 0, 0,
			      "no file holds a record of kind '%s': name one "
			      "with --file FILE", kind);
	if (kb->nmem)
		ed->add_file = kb->mem[bi]->name + kb->mempre;
	else if (kb->root_dir)
		ed->add_file = kb->paths[bi] + strlen(kb->root) + 1;
	else
		ed->add_file = NULL;	/* the one file */
	return 0;
}

int kb_edit_rm(struct kb_edit *ed, const char *id, bool force,
	       struct kb_error *err)
{
	struct target *t;
	size_t r;
	int rc;

	if ((rc = one_kind(ed, RQ_RM, err)))
		return rc;
	ed->force = force;
	if ((r = find_rec(ed, id, -1, err)) == YS_NONE)
		return KB_EUSAGE;
	if (target_of(ed, r))
		return 0;
	if (!(t = new_target(ed, err)))
		return KB_ENOMEM;
	t->rec = r;
	t->rm = true;
	t->id = ed->kb->recs[r]->id;
	t->kind = ed->kb->recs[r]->kind;
	return 0;
}

struct refwalk {
	struct kb_edit *ed;
	struct kb_error *err;
	int rc;
};

static void on_ref(const struct kb_record *rec, const struct kb_field *f,
		   void *ud)
{
	struct refwalk *w = ud;
	struct kb_edit *ed = w->ed;
	struct kb_crec *c = kb_find(ed->kb, rec->id);
	size_t r = c ? kb_rec_index(ed->kb, c) : YS_NONE, i;
	struct target *t;

	if (w->rc || r == YS_NONE)
		return;
	if (!(t = target_of(ed, r))) {
		if (!(t = new_target(ed, w->err))) {
			w->rc = KB_ENOMEM;
			return;
		}
		t->rec = r;
		t->id = ed->kb->recs[r]->id;
		t->kind = ed->kb->recs[r]->kind;
	}
	t->refs = true;
	for (i = 0; i < t->nreffields; i++)
		if (!strcmp(t->reffields[i], f->name))
			return;
	if (kb_grow((void **)&t->reffields, &t->capreffields,
		    t->nreffields + 1, sizeof(*t->reffields)) < 0) {
		w->rc = oom(w->err);
		return;
	}
	t->reffields[t->nreffields++] = f->name;
}

int kb_edit_mv(struct kb_edit *ed, const char *old_id, const char *new_id,
	       struct kb_error *err)
{
	struct refwalk w = { ed, err, 0 };
	struct target *t;
	size_t r;
	int rc;

	if ((rc = one_kind(ed, RQ_MV, err)))
		return rc;
	if ((r = find_rec(ed, old_id, 0, err)) == YS_NONE)
		return KB_EUSAGE;
	if (!*new_id || !utf8_ok(new_id)) {
		kb_err(err, KB_EUSAGE, NULL, 0, 0, "'%s' is no id", new_id);
		err->word = 1;
		return KB_EUSAGE;
	}
	if (!strcmp(old_id, new_id))
		return 0;
	if (kb_find(ed->kb, new_id)) {
		const struct kb_record *o = kb_get(ed->kb, new_id);

		kb_err(err, KB_EUSAGE, NULL, 0, 0,
		       "id '%s' is taken (by the record at %s:%u:%u)", new_id,
		       o ? o->file : "?", o ? o->line : 0, o ? o->col : 0);
		err->word = 1;
		return KB_EUSAGE;
	}
	if (!(ed->old_id = scopy(ed, old_id)) || !(ed->new_id = scopy(ed, new_id)))
		return oom(err);
	if (!(t = new_target(ed, err)))
		return KB_ENOMEM;
	t->rec = r;
	t->rename = true;
	t->id = ed->kb->recs[r]->id;
	t->kind = ed->kb->recs[r]->kind;
	kb_backlinks(ed->kb, old_id, on_ref, &w);
	return w.rc;
}

static void free_regions(struct efile *f);

void kb_edit_free(struct kb_edit *ed)
{
	size_t i;

	if (!ed)
		return;
	for (i = 0; i < ed->nfiles; i++) {
		free_regions(&ed->files[i]);
		free(ed->files[i].out);
		if (ed->files[i].fd >= 0)
			close(ed->files[i].fd);
	}
	for (i = 0; i < ed->nt; i++)
		free(ed->t[i].reffields);
	free(ed->files);
	free(ed->t);
	free(ed->out);
	kb_strmap_free(&ed->tmap);
	kb_arena_free(&ed->arena);
	free(ed);
}

/* ---- the files and their regions ------------------------------------------------ */

int kb_edit_read(const struct kb_edit_file *f, uint64_t off, char *buf,
		 size_t n)
{
	size_t got = 0;
	ssize_t r;

	if (f->data) {
		memcpy(buf, f->data + off, n);
		return 0;
	}
	while (got < n) {
		r = pread(f->fd, buf + got, n - got, (off_t)(off + got));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (!r)
				errno = EIO;	/* the file shrank */
			return -1;
		}
		got += (size_t)r;
	}
	return 0;
}

static int read_at(const struct efile *f, size_t off, char *buf, size_t n,
		   struct kb_error *err)
{
	struct kb_edit_file p;

	memset(&p, 0, sizeof(p));
	p.fd = f->fd;
	p.data = f->memdata;
	if (!kb_edit_read(&p, off, buf, n))
		return 0;
	if (errno == EIO)
		return kb_err(err, KB_EIO, f->shown, 0, 0,
			      "the file changed while kbq read it");
	return kb_err(err, KB_EIO, f->shown, 0, 0, "cannot read: %s",
		      strerror(errno));
}

/* The file of a KB file index (or a new one, kbfile -1, at rel). */
static struct efile *file_for(struct kb_edit *ed, int kbfile, const char *rel,
			      struct kb_error *err)
{
	struct kb *kb = ed->kb;
	struct efile *f;
	size_t i;
	char *s;

	for (i = 0; i < ed->nfiles; i++)
		if (ed->files[i].kbfile == kbfile &&
		    (kbfile >= 0 || !strcmp(ed->files[i].rel, rel)))
			return &ed->files[i];
	if (kb_grow((void **)&ed->files, &ed->capfiles, ed->nfiles + 1,
		    sizeof(*ed->files)) < 0) {
		oom(err);
		return NULL;
	}
	f = &ed->files[ed->nfiles++];
	memset(f, 0, sizeof(*f));
	f->kbfile = kbfile;
	f->fd = -1;
	strcpy(f->eol, "\n");
	if (kbfile >= 0) {
		f->shown = kbfile_shown(kb, kbfile);
		if (kb->nmem) {
			f->memdata = kb->mem[kbfile]->data;
			f->size = kb->mem[kbfile]->len;
			f->rel = kb->mem[kbfile]->name + kb->mempre;
		} else {
			f->path = kb->paths[kbfile];
			if (kb->root_dir)
				f->rel = f->path + strlen(kb->root) + 1;
			else
				f->rel = strrchr(f->path, '/') ?
					 strrchr(f->path, '/') + 1 : f->path;
		}
	} else {
		/* a new file */
		const char *pre = kb->nmem ? NULL : kb->prefix;
		size_t pl = kb->nmem ? kb->mempre : strlen(pre ? pre : "");

		if (!(f->rel = scopy(ed, rel)))
			goto nomem;
		if (!(s = kb_arena_alloc(&ed->arena, pl + strlen(rel) + 1)))
			goto nomem;
		memcpy(s, kb->nmem ? kb->mem[0]->name : pre ? pre : "", pl);
		strcpy(s + pl, rel);
		f->shown = s;
		if (!kb->nmem) {
			if (!(s = kb_arena_alloc(&ed->arena, strlen(kb->root) +
						 strlen(rel) + 2)))
				goto nomem;
			sprintf(s, "%s/%s", kb->root, rel);
			f->path = s;
		}
	}
	/* the file's records: contiguous, in load order, all naming the file
	 * by one pointer */
	f->rec0 = kb->nrecs;
	for (i = 0; kbfile >= 0 && i < kb->nrecs; i++) {
		const char *name = kb->recs[i]->file;

		if (name != f->shown && strcmp(name, f->shown))
			continue;
		f->rec0 = i;
		while (i < kb->nrecs && kb->recs[i]->file == name)
			i++;
		f->nrec = i - f->rec0;
		break;
	}
	return f;
nomem:
	oom(err);
	return NULL;
}

/* Open a file of the KB and take what it is now. */
static int open_file(struct efile *f, struct kb_error *err)
{
	if (f->kbfile < 0 || f->memdata)
		return 0;
	f->fd = open(f->path, O_RDONLY | O_CLOEXEC);
	if (f->fd < 0)
		return kb_err(err, KB_EIO, f->shown, 0, 0, "cannot open: %s",
			      strerror(errno));
	if (fstat(f->fd, &f->st) < 0)
		return kb_err(err, KB_EIO, f->shown, 0, 0, "cannot read: %s",
			      strerror(errno));
	if (!S_ISREG(f->st.st_mode))
		return kb_err(err, KB_EIO, f->shown, 0, 0, "not a regular file");
	f->size = (size_t)f->st.st_size;
	return 0;
}

/* ---- finding regions in a large file ----------------------------------------------- */

/* A line that starts a top-level list element ('d'), a "---" ('-') or a
 * "..." ('.'), as par.c cuts. */
struct bound {
	size_t line, off;
	char type;
};

static char line_kind(const char *p, size_t n)
{
	if (n >= 1 && p[0] == '-' &&
	    (n == 1 || p[1] == ' ' || p[1] == '\t' || p[1] == '\n' || p[1] == '\r'))
		return 'd';
	if (n >= 3 && (!memcmp(p, "---", 3) || !memcmp(p, "...", 3)) &&
	    (n == 3 || p[3] == ' ' || p[3] == '\t' || p[3] == '\n' || p[3] == '\r'))
		return p[0];
	return 0;
}

#define SCAN_CHUNK ((size_t)1 << 20)
/* Parts of a large file closer than this are read as one, up to a part
 * of PART_MAX bytes (parts that overlap are always joined). */
#define JOIN_GAP ((size_t)16 << 10)
#define PART_MAX ((size_t)1 << 20)

/*
 * One reading of the file: its boundaries (into *b) and the offsets of the
 * 0-based lines `want` (sorted) into offs (size when past the end).  Lines
 * are counted as libyaml counts them.
 */
static int scan(const struct efile *f, struct bound **b, size_t *nb,
		const size_t *want, size_t nwant, size_t *offs,
		struct kb_error *err)
{
	char *buf = malloc(SCAN_CHUNK + 4);
	size_t pos = 0, line = 0, cap = 0, w = 0, i, n, m;
	bool start = true;
	int rc = 0;

	*b = NULL;
	*nb = 0;
	if (!buf)
		return oom(err);
	if (f->size >= 3 && f->memdata && !memcmp(f->memdata, "\xEF\xBB\xBF", 3))
		pos = 3;
	while (pos < f->size && !rc) {
		n = f->size - pos < SCAN_CHUNK ? f->size - pos : SCAN_CHUNK;
		m = f->size - pos < SCAN_CHUNK + 4 ? f->size - pos : SCAN_CHUNK + 4;
		if ((rc = read_at(f, pos, buf, m, err)))
			break;
		if (pos == 0 && m >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
			pos = 3;
			continue;
		}
		for (i = 0; i < n;) {
			unsigned char c = (unsigned char)buf[i];

			if (start) {
				char k = line_kind(buf + i, m - i);

				while (w < nwant && want[w] == line)
					offs[w++] = pos + i;
				if (k) {
					if (kb_grow((void **)b, &cap, *nb + 1,
						    sizeof(**b)) < 0) {
						rc = oom(err);
						break;
					}
					(*b)[*nb].line = line;
					(*b)[*nb].off = pos + i;
					(*b)[(*nb)++].type = k;
				}
				start = false;
			}
			if (c == '\n') {
				line++;
				start = true;
				i++;
			} else if (c == '\r') {
				i++;
				if (!(i < m && buf[i] == '\n')) {
					line++;
					start = true;
				}
			} else if (c == 0xC2 && i + 1 < m &&
				   (unsigned char)buf[i + 1] == 0x85) {
				line++;
				start = true;
				i += 2;
			} else if (c == 0xE2 && i + 2 < m &&
				   (unsigned char)buf[i + 1] == 0x80 &&
				   ((unsigned char)buf[i + 2] == 0xA8 ||
				    (unsigned char)buf[i + 2] == 0xA9)) {
				line++;
				start = true;
				i += 3;
			} else {
				i++;
			}
		}
		pos += i;
	}
	while (w < nwant)
		offs[w++] = f->size;
	free(buf);
	if (rc) {
		free(*b);
		*b = NULL;
	}
	return rc;
}

static int add_region(struct efile *f, size_t off, size_t end, size_t line,
		      struct kb_error *err)
{
	struct region *g;
	size_t cap = f->nregs;

	/* regions come in order: one that meets the last joins it, and so
	 * does one that comes close, while the part stays small (fewer parts
	 * parse faster; one part at a time is held) */
	if (f->nregs && (off < f->regs[f->nregs - 1].off +
				f->regs[f->nregs - 1].len ||
			 (off <= f->regs[f->nregs - 1].off +
				 f->regs[f->nregs - 1].len + JOIN_GAP &&
			  end - f->regs[f->nregs - 1].off <= PART_MAX))) {
		g = &f->regs[f->nregs - 1];
		if (end > g->off + g->len)
			g->len = end - g->off;
		return 0;
	}
	if (kb_grow((void **)&f->regs, &cap, f->nregs + 1, sizeof(*f->regs)) < 0)
		return oom(err);
	g = &f->regs[f->nregs++];
	memset(g, 0, sizeof(*g));
	g->off = off;
	g->len = end - off;
	g->base_line = (uint32_t)line;
	return 0;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The regions of a large file: for each record touched (`lines`: their
 * 0-based lines, sorted), from the list element before it to the one
 * after.  1 when the file must be read whole instead.
 */
static int plan_parts(struct efile *f, const size_t *lines, size_t n,
		      struct kb_error *err)
{
	struct bound *b;
	size_t nb, i, lo, hi, k, *offs;
	int rc;

	if (!(offs = malloc((n ? n : 1) * sizeof(*offs))))
		return oom(err);
	rc = scan(f, &b, &nb, lines, n, offs, err);
	free(offs);
	if (rc)
		return rc;
	for (i = 0; i < n && !rc; i++) {
		/* the last boundary at or before the record's line */
		lo = 0;
		hi = nb;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (b[mid].line <= lines[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		if (!lo || b[lo - 1].type != 'd') {
			rc = 1;
			break;
		}
		k = lo - 1;
		if (k && b[k - 1].type == '.') {
			rc = 1;
			break;
		}
		rc = add_region(f, k ? b[k - 1].off : 0,
				k + 1 < nb ? b[k + 1].off : f->size,
				k ? b[k - 1].line : 0, err);
	}
	free(b);
	return rc;
}

/* Plan the regions of f for the records it holds that the change touches
 * (and, for add, its last record). */
static int plan_file(struct kb_edit *ed, struct efile *f, size_t fi,
		     struct kb_error *err)
{
	size_t *lines, n = 0, i;
	int rc;

	f->nregs = 0;
	if (f->kbfile < 0 || f->size + 1 <= KB_EDIT_WHOLE || f->whole) {
		f->whole = true;
		return add_region(f, 0, f->size, 0, err);
	}
	if (!(lines = malloc((ed->nt + 1) * sizeof(*lines))))
		return oom(err);
	for (i = 0; i < ed->nt; i++)
		if (ed->t[i].file == fi && ed->t[i].rec != YS_NONE)
			lines[n++] = ed->kb->recs[ed->t[i].rec]->line - 1;
	if (ed->kind == RQ_ADD && f->nrec)
		lines[n++] = ed->kb->recs[f->rec0 + f->nrec - 1]->line - 1;
	qsort(lines, n, sizeof(*lines), cmp_size);
	rc = plan_parts(f, lines, n, err);
	free(lines);
	if (rc == 1) {
		free(f->regs);
		f->regs = NULL;
		f->nregs = 0;
		f->whole = true;
		return add_region(f, 0, f->size, 0, err);
	}
	return rc;
}

/* ---- reading a region ---------------------------------------------------------------- */

/* The KB record of file f at (1-based) line, col, or YS_NONE. */
static size_t kb_rec_at(const struct kb *kb, const struct efile *f,
			uint32_t line, uint32_t col)
{
	size_t lo = f->rec0, hi = f->rec0 + f->nrec;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct kb_crec *c = kb->recs[mid];

		if (c->line < line || (c->line == line && c->col < col))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < f->rec0 + f->nrec && kb->recs[lo]->line == line &&
	    kb->recs[lo]->col == col)
		return lo;
	return YS_NONE;
}

/* The KB records of f whose line is below `line` (1-based), counted. */
static size_t kb_recs_before(const struct kb *kb, const struct efile *f,
			     uint32_t line)
{
	size_t lo = f->rec0, hi = f->rec0 + f->nrec;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (kb->recs[mid]->line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool same_pos(const struct ys_node *n, const struct kb_value *v)
{
	return v->line == n->line + 1 && v->col == n->col + 1;
}

/* The record the region holds is what the KB loaded there. */
static bool same_as_kb(const struct ys_file *y, const struct ys_rec *r,
		       const struct kb_record *k)
{
	uint32_t i, j, fi = 0;

	if (r->node.style == YS_ALIAS)
		return true;	/* its fields are the anchor's */
	for (i = 0; i < r->npairs; i++) {
		const struct ys_pair *p = &y->pairs[r->pair0 + i];
		const struct kb_field *f;

		if (p->merge)
			continue;
		if ((p->val.style <= YS_FOLDED && p->val.null) ||
		    ((p->val.style == YS_BLOCK || p->val.style == YS_FLOW) &&
		     !p->nitems))
			continue;	/* absent */
		if (fi >= k->nfields)
			return false;
		f = &k->fields[fi++];
		if (strcmp(f->name, p->key.text) || f->line != p->key.line + 1 ||
		    f->col != p->key.col + 1)
			return false;
		if (p->val.style == YS_ALIAS)
			continue;
		if (p->val.style <= YS_FOLDED) {
			if (f->count != 1 || f->is_list ||
			    f->values[0].len != p->val.len ||
			    memcmp(f->values[0].text, p->val.text, p->val.len) ||
			    !same_pos(&p->val, &f->values[0]))
				return false;
			continue;
		}
		if (f->count != p->nitems || !f->is_list)
			return false;
		for (j = 0; j < p->nitems; j++) {
			const struct ys_node *v = &y->items[p->item0 + j].v;

			if (v->style == YS_ALIAS)
				continue;
			if (f->values[j].len != v->len ||
			    memcmp(f->values[j].text, v->text, v->len) ||
			    !same_pos(v, &f->values[j]))
				return false;
		}
	}
	return true;
}

/*
 * Read and parse region g of f, and tie its records to the KB's.  1 when
 * a part of a large file does not stand on its own (read the file whole
 * instead); an error when the file is not what the KB loaded.
 */
static int read_region(struct kb_edit *ed, struct efile *f, struct region *g,
		       struct kb_error *err)
{
	struct kb *kb = ed->kb;
	struct kb_error perr;
	struct kb_view w;
	size_t i, lines, first, last;
	bool part = !f->whole;
	int rc;

	if (f->memdata) {
		g->data = (char *)kb_unconst(f->memdata + g->off);
	} else if (g->len) {
		if (!(g->data = malloc(g->len)))
			return oom(err);
		g->own = true;
		if ((rc = read_at(f, g->off, g->data, g->len, err)))
			return rc;
	}
	if (part && g->len >= 3 && !memcmp(g->data, "\xEF\xBB\xBF", 3) && g->off)
		return 1;	/* a BOM inside a file counts as a character */
	rc = ys_parse(&g->ys, f->shown, g->data ? g->data : "", g->len,
		      g->base_line, &perr);
	g->parsed = true;
	if (rc) {
		if (part || rc == KB_ENOMEM)
			kb_error_free(&perr);
		if (part)
			return 1;
		if (rc == KB_ENOMEM)
			return oom(err);
		if (rc != KB_EUSAGE && rc != KB_ESYNTAX && rc != KB_ESTRUCT) {
			*err = perr;
			return rc;
		}
		if (rc == KB_EUSAGE)
			kb_err(err, rc, perr.file, perr.line, perr.col,
			       "kbq cannot edit this file: %.900s", perr.message);
		else
			kb_err(err, rc, perr.file, perr.line, perr.col,
			       "the file changed since kbq read it (%.900s)",
			       perr.message);
		err->word = perr.word;
		err->offset = perr.offset;
		err->span = perr.span;
		kb_error_free(&perr);
		return rc;
	}
	if (part) {
		for (i = 0; i < g->ys.npairs; i++)
			if (g->ys.pairs[i].merge)
				return 1;
		if (g->ys.nanchors || g->ys.nuses || g->ys.ndocs > 2)
			return 1;
	}
	if (g->ys.nrecs &&
	    !(g->kbrec = malloc(g->ys.nrecs * sizeof(*g->kbrec))))
		return oom(err);
	/* the KB's records decoded in passing: a file read whole may hold
	 * most of the KB */
	memset(&w, 0, sizeof(w));
	for (i = 0; i < g->ys.nrecs; i++) {
		const struct ys_rec *r = &g->ys.recs[i];

		g->kbrec[i] = kb_rec_at(kb, f, r->node.line + 1, r->node.col + 1);
		if (g->kbrec[i] == YS_NONE)
			break;
		if (kb_view_decode(kb, kb->recs[g->kbrec[i]], &w) < 0) {
			kb_view_free(&w);
			return oom(err);
		}
		if (!same_as_kb(&g->ys, r, &w.rec))
			break;
	}
	kb_view_free(&w);
	if (i < g->ys.nrecs)
		goto changed;
	/* and the KB has no record there that the region lacks */
	lines = ys_count_lines(g->data, g->len);
	first = kb_recs_before(kb, f, g->base_line + 1);
	last = kb_recs_before(kb, f, (uint32_t)(g->base_line + lines + 2));
	if (g->off + g->len < f->size || (g->len && (g->data[g->len - 1] == '\n' ||
						     g->data[g->len - 1] == '\r')))
		last = kb_recs_before(kb, f, (uint32_t)(g->base_line + lines + 1));
	if (last - first != g->ys.nrecs)
		goto changed;
	return 0;
changed:
	if (part)
		return 1;
	return kb_err(err, KB_EIO, f->shown, 0, 0,
		      "the file changed since kbq read it");
}

/* ---- splices ----------------------------------------------------------------------- */

static int sp_add(struct kb_edit *ed, struct region *g, size_t off, size_t len,
		  const char *text, size_t tlen, struct kb_error *err)
{
	struct rsp *s;

	if (kb_grow((void **)&g->sp, &g->capsp, g->nsp + 1, sizeof(*g->sp)) < 0)
		return oom(err);
	s = &g->sp[g->nsp];
	s->seq = g->nsp++;
	s->off = off;
	s->len = len;
	s->tlen = tlen;
	s->text = "";
	if (tlen && !(s->text = copy(ed, text, tlen)))
		return oom(err);
	return 0;
}

/* ---- layout ---------------------------------------------------------------------------- */

/* How the records around a change are written, to write like them. */
struct style {
	bool flow_rec;		/* records are flow mappings: {id: a, ...} */
	size_t key_col;		/* a block record's keys */
	size_t dash_col;	/* its '-' */
	char dash[16];		/* from the '-' to the first key: "- " */
	int block_list;		/* lists: 1 block, 0 flow, -1 not known */
	size_t item_step;	/* a block list's '-' after its key's column */
	char item_dash[16];	/* "- " */
	size_t lit_step;	/* a block scalar's lines after the key's column */
	const char *eol;
};

static size_t col_of(const char *d, size_t off)
{
	return off - ys_line_start(d, off);
}

/* The start of the line holding off, after a BOM that starts the text. */
static size_t lstart(const char *d, size_t off)
{
	size_t s = ys_line_start(d, off);

	if (s == 0 && off >= 3 && !memcmp(d, "\xEF\xBB\xBF", 3))
		s = 3;
	return s;
}

/* Only blanks from the start of its line to off. */
static bool starts_line(const char *d, size_t off)
{
	size_t s = lstart(d, off);

	while (s < off && (d[s] == ' ' || d[s] == '\t'))
		s++;
	return s == off;
}

/* Only blanks from off to the end of its line (or a comment). */
static bool rest_blank(const char *d, size_t len, size_t off)
{
	while (off < len && (d[off] == ' ' || d[off] == '\t'))
		off++;
	return off == len || d[off] == '\n' || d[off] == '\r';
}

static bool blank_line(const char *d, size_t len, size_t s)
{
	return rest_blank(d, len, s);
}

static bool comment_line(const char *d, size_t len, size_t s)
{
	while (s < len && (d[s] == ' ' || d[s] == '\t'))
		s++;
	return s < len && d[s] == '#';
}

/* The start of the line before the one starting at s; s when none. */
static size_t prev_line(const char *d, size_t s)
{
	size_t p = s;

	if (p && d[p - 1] == '\n')
		p--;
	if (p && d[p - 1] == '\r')
		p--;
	return p == s ? s : lstart(d, p);
}

static void copy_between(char *out, size_t cap, const char *d, size_t a, size_t b)
{
	size_t n = b > a ? b - a : 0;

	if (n >= cap || memchr(d + a, '\n', n) || memchr(d + a, '\r', n))
		n = 0;
	memcpy(out, d + a, n);
	out[n] = '\0';
}

/* The layout of a list value, when the pair has one. */
static void list_style(const struct ys_file *y, const struct ys_pair *p,
		       struct style *st)
{
	const struct ys_item *it;

	if (p->merge || (p->val.style != YS_BLOCK && p->val.style != YS_FLOW) ||
	    !p->nitems || st->block_list >= 0)
		return;
	st->block_list = p->val.style == YS_BLOCK;
	if (!st->block_list)
		return;
	it = &y->items[p->item0];
	if (it->dash == YS_NONE)
		return;
	st->item_step = col_of(y->data, it->dash) >= p->key.col ?
			col_of(y->data, it->dash) - col_of(y->data, p->key.start) : 2;
	copy_between(st->item_dash, sizeof(st->item_dash), y->data, it->dash,
		     it->v.start);
	if (!st->item_dash[0] || strlen(st->item_dash) > 8)
		strcpy(st->item_dash, "- ");
}

/* The layout of record r (NULL: the defaults) and of the region y. */
static void get_style(const struct ys_file *y, const struct ys_rec *r,
		      const char *eol, struct style *st)
{
	size_t i;

	memset(st, 0, sizeof(*st));
	st->key_col = 2;
	strcpy(st->dash, "- ");
	st->block_list = -1;
	st->item_step = 2;
	strcpy(st->item_dash, "- ");
	st->lit_step = 2;
	st->eol = eol;
	if (r && r->node.style != YS_ALIAS) {
		st->flow_rec = r->node.style == YS_FLOW;
		if (r->npairs)
			st->key_col = col_of(y->data, y->pairs[r->pair0].key.start);
		if (r->dash != YS_NONE) {
			st->dash_col = col_of(y->data, r->dash);
			copy_between(st->dash, sizeof(st->dash), y->data, r->dash,
				     r->node.start);
			if (!st->dash[0] || strlen(st->dash) > 8)
				strcpy(st->dash, "- ");
		}
		for (i = 0; i < r->npairs; i++) {
			const struct ys_pair *p = &y->pairs[r->pair0 + i];

			list_style(y, p, st);
			if ((p->val.style == YS_LITERAL || p->val.style == YS_FOLDED) &&
			    !p->val.null) {
				size_t c = ys_next_line(y->data, y->len, p->val.cstart);

				while (c < p->val.end && y->data[c] == ' ')
					c++;
				if (col_of(y->data, c) > col_of(y->data, p->key.start))
					st->lit_step = col_of(y->data, c) -
						       col_of(y->data, p->key.start);
			}
		}
	}
	for (i = 0; y && i < y->npairs && st->block_list < 0; i++)
		list_style(y, &y->pairs[i], st);
}

/* ---- writing values ------------------------------------------------------------------------ */

/* A canonical decimal integer: what YAML 1.1 and 1.2 readers read as
 * that number, written back the same. */
static bool canonical_int(const char *s)
{
	if (*s == '-')
		s++;
	if (!*s || (*s == '0' && s[1]))
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* When a literal block scalar may be written: never, when a line break
 * follows it, or (at the end of a file without one) for text that does
 * not end with a line break. */
enum { LIT_NO, LIT_OK, LIT_NO_CLIP };

/*
 * One value of field spec fs (NULL: any text).  A valid date or int is
 * plain, as people write them; text of several lines a literal block
 * (content `indent` spaces in) when `lit` allows and that holds it; else
 * plain when every reader reads it back, else double-quoted.
 */
static int put_value(struct kb_buf *b, const struct kb_fieldspec *fs,
		     const char *v, bool flow, int lit, size_t indent,
		     const char *eol)
{
	size_t len = strlen(v);
	struct kb_period p;
	int rc;

	if (fs && ((fs->type == KB_TYPE_DATE && kb_date_parse(v, len, &p)) ||
		   (fs->type == KB_TYPE_INT && canonical_int(v))))
		return kb_buf_add(b, v, len);
	if (!flow && lit != LIT_NO && (!fs || fs->type == KB_TYPE_TEXT) &&
	    memchr(v, '\n', len) && (lit == LIT_OK || v[len - 1] != '\n')) {
		if ((rc = kb_yaml_literal(b, v, len, indent, eol)))
			return rc < 0 ? -1 : 0;
	}
	return kb_yaml_scalar(b, v, len, flow ? KB_YAML_FLOW : 0);
}

/* Does a list of these values fit on one line as [a, b]? */
static bool short_list(const struct kb_fieldspec *fs, const char *const *v,
		       size_t n)
{
	struct kb_buf b;
	size_t i;
	bool ok = true;

	memset(&b, 0, sizeof(b));
	for (i = 0; i < n && ok; i++)
		ok = !put_value(&b, fs, v[i], true, LIT_NO, 0, "\n") &&
		     b.len <= 64;
	kb_buf_free(&b);
	return ok;
}

/* [a, b] */
static int put_flow_list(struct kb_buf *b, const struct kb_fieldspec *fs,
			 const char *const *v, size_t n)
{
	size_t i;

	if (kb_buf_str(b, "[") < 0)
		return -1;
	for (i = 0; i < n; i++)
		if ((i && kb_buf_str(b, ", ") < 0) ||
		    put_value(b, fs, v[i], true, LIT_NO, 0, "\n") < 0)
			return -1;
	return kb_buf_str(b, "]");
}

static int put_spaces(struct kb_buf *b, size_t n)
{
	while (n--)
		if (kb_buf_add(b, " ", 1) < 0)
			return -1;
	return 0;
}

/* One block list element on a line of its own: EOL + indent + "- v". */
static int put_item(struct kb_buf *b, const struct kb_fieldspec *fs,
		    const char *v, size_t dash_col, const struct style *st,
		    bool lead_eol, int lit)
{
	if ((lead_eol && kb_buf_str(b, st->eol) < 0) || put_spaces(b, dash_col) < 0 ||
	    kb_buf_str(b, st->item_dash) < 0)
		return -1;
	return put_value(b, fs, v, false, lit, dash_col + strlen(st->item_dash),
			 st->eol);
}

/* Write the list as a block list, not [a, b]? */
static bool want_block(const struct style *st, const struct kb_fieldspec *fs,
		       const char *const *v, size_t n)
{
	if (st->flow_rec)
		return false;
	if (st->block_list >= 0)
		return st->block_list;
	return !short_list(fs, v, n);
}

/*
 * The value part of a new pair "key:" + this: " v", " [a, b]", or a block
 * list on the lines after.  key_col is the pair's column.
 */
static int put_pair_value(struct kb_buf *b, const struct fop *f,
			  const struct kb_fieldspec *fs, size_t key_col,
			  const struct style *st, int lit)
{
	size_t i;

	if (!f->list && f->n == 1) {
		if (kb_buf_str(b, " ") < 0)
			return -1;
		return put_value(b, fs, f->vals[0], st->flow_rec, lit,
				 key_col + st->lit_step, st->eol);
	}
	if (!want_block(st, fs, f->vals, f->n))
		return kb_buf_str(b, " ") < 0 ? -1 :
		       put_flow_list(b, fs, f->vals, f->n);
	for (i = 0; i < f->n; i++)
		if (put_item(b, fs, f->vals[i], key_col + st->item_step, st, true,
			     i + 1 < f->n ? LIT_OK : lit) < 0)
			return -1;
	return 0;
}

/* "key: value" of a new pair. */
static int put_pair(struct kb_buf *b, const struct fop *f,
		    const struct kb_fieldspec *fs, size_t key_col,
		    const struct style *st, int lit)
{
	if (kb_yaml_scalar(b, f->name, strlen(f->name), st->flow_rec ?
			   KB_YAML_FLOW : 0) < 0 || kb_buf_str(b, ":") < 0)
		return -1;
	return put_pair_value(b, f, fs, key_col, st, lit);
}

/* ---- the change of one record ------------------------------------------------------------- */

struct ectx {
	struct kb_edit *ed;
	struct efile *f;
	struct region *g;
	const struct ys_file *y;
	const char *d;
	size_t len;
	const struct ys_rec *r;		/* NULL: an added record, no template */
	const struct kb_record *k;	/* the KB's record (old), or NULL */
	struct target *t;
	struct style st;
	bool *gone;			/* per pair of r: removed */
	bool at_eof;			/* the region ends the file */
	struct kb_error *err;
};

static const struct ys_pair *pair_at(const struct ectx *c, size_t i)
{
	return &c->y->pairs[c->r->pair0 + i];
}

static long pair_named(const struct ectx *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->r->npairs; i++)
		if (!pair_at(c, i)->merge && !strcmp(pair_at(c, i)->key.text, name))
			return (long)i;
	return -1;
}

static int splice(struct ectx *c, size_t off, size_t len, const struct kb_buf *b)
{
	return sp_add(c->ed, c->g, off, len, b ? b->s : "", b ? b->len : 0, c->err);
}

/* Bytes [off, off + len) replaced by b, which is freed; `failed`: b could
 * not be written (out of memory). */
static int splice_buf(struct ectx *c, size_t off, size_t len, struct kb_buf *b,
		      bool failed)
{
	int rc = failed ? oom(c->err) : splice(c, off, len, b);

	kb_buf_free(b);
	return rc;
}

/* A line break follows off on its line, in the file. */
static bool eol_after(const struct ectx *c, size_t off)
{
	return ys_line_end(c->d, c->len, off) < c->len || !c->at_eof;
}

/* The line break before s (which starts a line), or s. */
static size_t before_break(const char *d, size_t s)
{
	if (s && d[s - 1] == '\n')
		s--;
	if (s && d[s - 1] == '\r')
		s--;
	return s;
}

/* Remove the lines [s, after the line holding `last`); at the end of a
 * file without a final line break, the break before them goes instead. */
static int remove_lines(struct ectx *c, size_t s, size_t last)
{
	size_t e = ys_next_line(c->d, c->len, last);

	if (e == c->len && c->at_eof && c->len &&
	    c->d[c->len - 1] != '\n' && c->d[c->len - 1] != '\r')
		s = before_break(c->d, s);
	return splice(c, s, e - s, NULL);
}

static int refuse_alias(struct ectx *c, const char *field, bool merged)
{
	const struct kb_field *kf = c->k ? kb_record_field(c->k, field) : NULL;
	const struct kb_value *v = kf && kf->count ? &kf->values[0] : NULL;

	return kb_err(c->err, KB_EUSAGE, c->f->shown,
		      v ? v->line : c->r->node.line + 1,
		      v ? v->col : c->r->node.col + 1,
		      "field '%s' of '%s' comes from %s: edit it here, where "
		      "every record that %s it changes too", field, c->t->id,
		      merged ? "a merge key ('<<')" : "an alias",
		      merged ? "merges" : "aliases");
}

static int refuse_record_alias(struct ectx *c)
{
	const struct ys_anchor *a = &c->y->anchors[c->r->node.alias];

	return kb_err(c->err, KB_EUSAGE, c->f->shown,
		      (unsigned)(c->r->node.line + 1), (unsigned)c->r->node.col + 1,
		      "record '%s' is an alias ('*%s'): edit the record it names "
		      "(line %u)", c->t->id, a->name,
		      (unsigned)(c->y->base_line +
				 ys_count_lines(c->d, a->start) + 1));
}

static const struct kb_fieldspec *fspec(const struct ectx *c, const char *name)
{
	return spec_of(c->ed->kb, c->t->kind, name);
}

static int remove_pair(struct ectx *c, size_t i)
{
	const struct ys_pair *p = pair_at(c, i);
	long prev = -1, next = -1;
	size_t j;

	for (j = 0; j < i; j++)
		if (!c->gone[j])
			prev = (long)j;
	for (j = i + 1; j < c->r->npairs && next < 0; j++)
		if (!c->gone[j])
			next = (long)j;
	c->gone[i] = true;
	if (c->r->node.style == YS_FLOW) {
		if (prev >= 0)
			return splice(c, pair_at(c, (size_t)prev)->end,
				      p->end - pair_at(c, (size_t)prev)->end, NULL);
		if (next >= 0)
			return splice(c, p->key.start,
				      pair_at(c, (size_t)next)->key.start - p->key.start,
				      NULL);
	} else if (c->r->dash != YS_NONE && lstart(c->d, p->key.start) ==
		   lstart(c->d, c->r->dash)) {
		/* "- key: v" : the next key moves up to the '-' */
		if (next >= 0 && starts_line(c->d, pair_at(c, (size_t)next)->key.start))
			return splice(c, p->key.start,
				      pair_at(c, (size_t)next)->key.start - p->key.start,
				      NULL);
	} else if (starts_line(c->d, p->key.start)) {
		return remove_lines(c, lstart(c->d, p->key.start), p->end);
	}
	return kb_err(c->err, KB_EUSAGE, c->f->shown, p->key.line + 1,
		      p->key.col + 1, "kbq cannot remove field '%s' written "
		      "this way; edit it by hand", p->key.text);
}

/* [a, b]: the elements kept as written, new ones after the style of the
 * list, in the old brackets and separators. */
static int flow_list(struct ectx *c, const struct ys_pair *p,
		     const struct fop *f, const struct kb_fieldspec *fs)
{
	const struct ys_item *it = &c->y->items[p->item0];
	const struct kb_field *kf = kb_record_field(c->k, p->key.text);
	struct kb_buf b;
	char sep[64] = ", ";
	size_t i, j, pre_end, suf_start;
	int rc = -1;

	memset(&b, 0, sizeof(b));
	pre_end = p->nitems ? it[0].v.start : p->val.cstart + 1;
	suf_start = p->nitems ? it[p->nitems - 1].v.end : p->end - 1;
	if (p->nitems >= 2 && it[1].v.start - it[0].v.end < sizeof(sep) &&
	    !memchr(c->d + it[0].v.end, '#', it[1].v.start - it[0].v.end)) {
		memcpy(sep, c->d + it[0].v.end, it[1].v.start - it[0].v.end);
		sep[it[1].v.start - it[0].v.end] = '\0';
	}
	if (kb_buf_add(&b, c->d + p->val.cstart, pre_end - p->val.cstart) < 0)
		goto out;
	for (i = 0; i < f->n; i++) {
		if (i && kb_buf_str(&b, sep) < 0)
			goto out;
		/* an element kept as it was written, where the list had it */
		for (j = 0; kf && j < p->nitems && j < kf->count; j++)
			if (j == i && !strcmp(kf->values[j].text, f->vals[i]))
				break;
		if (kf && j < p->nitems && j < kf->count) {
			if (kb_buf_add(&b, c->d + it[j].v.start,
				       it[j].v.end - it[j].v.start) < 0)
				goto out;
		} else if (put_value(&b, fs, f->vals[i], true, LIT_NO, 0,
				     c->st.eol) < 0) {
			goto out;
		}
	}
	if (kb_buf_add(&b, c->d + suf_start, p->end - suf_start) < 0)
		goto out;
	rc = splice(c, p->val.cstart, p->end - p->val.cstart, &b);
out:
	kb_buf_free(&b);
	return rc < 0 ? oom(c->err) : rc;
}

/*
 * A block list changed element by element: the elements kept stay as
 * they are (comments between them too), the others' lines go, the new
 * ones come after the last element kept before them (the longest common
 * subsequence of old and new decides which are kept).
 */
static int block_list(struct ectx *c, const struct ys_pair *p,
		      const struct fop *f, const struct kb_fieldspec *fs)
{
	const struct ys_item *it = &c->y->items[p->item0];
	const struct kb_field *kf = kb_record_field(c->k, p->key.text);
	size_t n = p->nitems, m = f->n, i, j, dash_col;
	uint32_t *L = NULL;
	long kept = -1;
	struct style st = c->st;
	int rc = 0;

	if (!kf || kf->count != n)
		return kb_err(c->err, KB_EUSAGE, c->f->shown, p->key.line + 1,
			      p->key.col + 1, "kbq cannot change list '%s' "
			      "written this way; edit it by hand", p->key.text);
	for (i = 0; i < n; i++)
		if (it[i].dash == YS_NONE || !starts_line(c->d, it[i].dash))
			return kb_err(c->err, KB_EUSAGE, c->f->shown,
				      it[i].v.line + 1, it[i].v.col + 1,
				      "kbq cannot change list '%s' written this "
				      "way; edit it by hand", p->key.text);
	dash_col = col_of(c->d, it[0].dash);
	copy_between(st.item_dash, sizeof(st.item_dash), c->d, it[0].dash,
		     it[0].v.start);
	if (!st.item_dash[0] || strlen(st.item_dash) > 8)
		strcpy(st.item_dash, "- ");
	if ((n + 1) * (m + 1) <= LCS_MAX &&
	    !(L = calloc((n + 1) * (m + 1), sizeof(*L))))
		return oom(c->err);
#define LC(a, b) L[(a) * (m + 1) + (b)]
	for (i = n; L && i-- > 0;)
		for (j = m; j-- > 0;)
			LC(i, j) = !strcmp(kf->values[i].text, f->vals[j]) ?
				   LC(i + 1, j + 1) + 1 :
				   LC(i + 1, j) > LC(i, j + 1) ? LC(i + 1, j) :
				   LC(i, j + 1);
	i = j = 0;
	while (!rc && (i < n || j < m)) {
		struct kb_buf b;

		if (i < n && j < m && L && !strcmp(kf->values[i].text, f->vals[j]) &&
		    LC(i, j) == LC(i + 1, j + 1) + 1) {
			kept = (long)i++;
			j++;
			continue;
		}
		if (i < n && (j == m || !L || LC(i + 1, j) >= LC(i, j + 1))) {
			rc = remove_lines(c, lstart(c->d, it[i].dash),
					  it[i].v.end);
			i++;
			continue;
		}
		memset(&b, 0, sizeof(b));
		if (kept >= 0) {
			size_t at = ys_line_end(c->d, c->len, it[kept].v.end);

			rc = put_item(&b, fs, f->vals[j], dash_col, &st, true,
				      eol_after(c, at) ? LIT_OK : LIT_NO_CLIP) < 0 ?
			     oom(c->err) : splice(c, at, 0, &b);
		} else {
			size_t at = lstart(c->d, it[0].dash);

			rc = put_item(&b, fs, f->vals[j], dash_col, &st, false,
				      LIT_OK) < 0 || kb_buf_str(&b, st.eol) < 0 ?
			     oom(c->err) : splice(c, at, 0, &b);
		}
		kb_buf_free(&b);
		j++;
	}
#undef LC
	free(L);
	return rc;
}

/* Field p takes the values of f. */
static int set_pair(struct ectx *c, size_t pi, const struct fop *f)
{
	const struct ys_pair *p = pair_at(c, pi);
	const struct kb_fieldspec *fs = fspec(c, f->name);
	bool block_rec = c->r->node.style == YS_BLOCK;
	bool scalar = p->val.style <= YS_FOLDED;
	bool empty = scalar && p->val.null && p->val.cstart == p->val.end;
	struct kb_buf b;
	size_t from, to;
	int rc;

	if (p->val.style == YS_ALIAS)
		return refuse_alias(c, f->name, false);
	memset(&b, 0, sizeof(b));
	if (f->n == 1 && (!f->list || (scalar && !p->val.null))) {
		/* one value where a scalar was (or stays) */
		if (scalar) {
			from = empty ? p->colon_end : p->val.cstart;
			to = p->val.end;
		} else {
			from = p->val.style == YS_FLOW ? p->val.cstart : p->colon_end;
			to = p->end;
		}
		if ((empty || (!scalar && p->val.style == YS_BLOCK)) &&
		    kb_buf_str(&b, " ") < 0)
			goto nomem;
		if (put_value(&b, fs, f->vals[0], !block_rec,
			      block_rec && rest_blank(c->d, c->len, to) ?
			      (eol_after(c, to) ? LIT_OK : LIT_NO_CLIP) : LIT_NO,
			      col_of(c->d, p->key.start) + c->st.lit_step,
			      c->st.eol) < 0)
			goto nomem;
		rc = splice(c, from, to - from, &b);
		kb_buf_free(&b);
		return rc;
	}
	if (p->val.style == YS_FLOW && p->nitems)
		return flow_list(c, p, f, fs);
	if (p->val.style == YS_BLOCK)
		return block_list(c, p, f, fs);
	/* a list where a scalar, a null or [] was */
	if (block_rec && want_block(&c->st, fs, f->vals, f->n)) {
		size_t i;

		for (i = 0; i < f->n; i++)
			if (put_item(&b, fs, f->vals[i], col_of(c->d, p->key.start) +
				     c->st.item_step, &c->st, true,
				     i + 1 < f->n || eol_after(c, p->end) ?
				     LIT_OK : LIT_NO_CLIP) < 0)
				goto nomem;
		rc = splice(c, p->colon_end, p->end - p->colon_end, &b);
	} else {
		if ((empty && kb_buf_str(&b, " ") < 0) ||
		    put_flow_list(&b, fs, f->vals, f->n) < 0)
			goto nomem;
		from = empty ? p->colon_end : p->val.cstart;
		rc = splice(c, from, p->end - from, &b);
	}
	kb_buf_free(&b);
	return rc;
nomem:
	kb_buf_free(&b);
	return oom(c->err);
}

/* New pairs, after the record's last one. */
static int add_pairs(struct ectx *c, const struct fop *const *fs, size_t n)
{
	const struct ys_pair *last = NULL;
	struct kb_buf b;
	size_t i, at, at_line, key_col;

	if (!n)
		return 0;
	for (i = 0; i < c->r->npairs; i++)
		if (!c->gone[i])
			last = pair_at(c, i);
	if (!last)
		return kb_err(c->err, KB_EUSAGE, c->f->shown, c->r->node.line + 1,
			      c->r->node.col + 1, "kbq cannot add to this record");
	memset(&b, 0, sizeof(b));
	if (c->r->node.style == YS_FLOW) {
		/* one pair a line when the last two are on lines of their own */
		const struct ys_pair *before = NULL;
		bool lines;

		for (i = 0; i < c->r->npairs && pair_at(c, i) != last; i++)
			if (!c->gone[i])
				before = pair_at(c, i);
		lines = before && before->key.line != last->key.line;
		at = last->end;
		/* a new line is indented as the last pair's line is */
		at_line = lstart(c->d, last->key.start);
		for (key_col = 0; c->d[at_line + key_col] == ' '; key_col++)
			;
		for (i = 0; i < n; i++) {
			if (kb_buf_str(&b, ",") < 0 ||
			    (lines ? kb_buf_str(&b, c->st.eol) < 0 ||
			     put_spaces(&b, key_col) < 0 : kb_buf_str(&b, " ") < 0) ||
			    put_pair(&b, fs[i], fspec(c, fs[i]->name), key_col,
				     &c->st, LIT_NO) < 0)
				goto nomem;
		}
	} else {
		at = ys_line_end(c->d, c->len, last->end);
		key_col = c->st.key_col;
		for (i = 0; i < n; i++)
			if (kb_buf_str(&b, c->st.eol) < 0 || put_spaces(&b, key_col) < 0 ||
			    put_pair(&b, fs[i], fspec(c, fs[i]->name), key_col,
				     &c->st, i + 1 < n || eol_after(c, at) ?
				     LIT_OK : LIT_NO_CLIP) < 0)
				goto nomem;
	}
	return splice_buf(c, at, 0, &b, false);
nomem:
	return splice_buf(c, 0, 0, &b, true);
}

static int edit_set(struct ectx *c)
{
	const struct fop **add;
	size_t i, nadd = 0;
	int rc = 0;

	if (c->r->node.style == YS_ALIAS)
		return refuse_record_alias(c);
	if (!(add = malloc((c->t->nfops + 1) * sizeof(*add))))
		return oom(c->err);
	/* removals first: where new pairs go depends on what stays */
	for (i = 0; i < c->t->nfops && !rc; i++) {
		const struct fop *f = &c->t->fops[i];
		long pi = pair_named(c, f->name);

		if (pi < 0 && kb_record_field(c->k, f->name))
			rc = refuse_alias(c, f->name, true);
		else if (f->clear && pi >= 0)
			rc = remove_pair(c, (size_t)pi);
	}
	for (i = 0; i < c->t->nfops && !rc; i++) {
		const struct fop *f = &c->t->fops[i];
		long pi = pair_named(c, f->name);

		if (f->clear)
			continue;
		if (pi >= 0)
			rc = set_pair(c, (size_t)pi, f);
		else
			add[nadd++] = f;
	}
	if (!rc)
		rc = add_pairs(c, add, nadd);
	free(add);
	return rc;
}

/* A value rewritten in place: the id renamed, a ref to it. */
static int rewrite(struct ectx *c, const struct ys_node *v, bool flow,
		   const struct kb_fieldspec *fs)
{
	struct kb_buf b;
	int rc;

	memset(&b, 0, sizeof(b));
	if (put_value(&b, fs, c->ed->new_id, flow, LIT_NO, 0, c->st.eol) < 0) {
		kb_buf_free(&b);
		return oom(c->err);
	}
	rc = splice(c, v->cstart, v->end - v->cstart, &b);
	kb_buf_free(&b);
	return rc;
}

static int edit_mv(struct ectx *c)
{
	bool flow = c->r->node.style == YS_FLOW;
	size_t i, j;
	long pi;
	int rc;

	if (c->r->node.style == YS_ALIAS)
		return refuse_record_alias(c);
	if (c->t->rename) {
		const struct ys_pair *p;

		if ((pi = pair_named(c, "id")) < 0)
			return refuse_alias(c, "id", true);
		p = pair_at(c, (size_t)pi);
		if (p->val.style == YS_ALIAS || p->val.anchor >= 0)
			return kb_err(c->err, KB_EUSAGE, c->f->shown,
				      p->val.line + 1, p->val.col + 1,
				      "the id of '%s' is held by an anchor: kbq "
				      "cannot rename it, every alias would change "
				      "with it", c->t->id);
		if ((rc = rewrite(c, &p->val, flow, NULL)))
			return rc;
	}
	for (i = 0; c->t->refs && i < c->t->nreffields; i++) {
		const char *name = c->t->reffields[i];
		const struct kb_fieldspec *fs = fspec(c, name);
		const struct kb_field *kf = kb_record_field(c->k, name);
		const struct ys_pair *p;

		if ((pi = pair_named(c, name)) < 0)
			return refuse_alias(c, name, true);
		p = pair_at(c, (size_t)pi);
		if (p->val.style == YS_ALIAS)
			return refuse_alias(c, name, false);
		if (p->val.style <= YS_FOLDED) {
			if (!strcmp(p->val.text, c->ed->old_id) &&
			    (rc = rewrite(c, &p->val, flow, fs)))
				return rc;
			continue;
		}
		for (j = 0; j < p->nitems && kf && j < kf->count; j++) {
			const struct ys_node *v = &c->y->items[p->item0 + j].v;

			if (strcmp(kf->values[j].text, c->ed->old_id))
				continue;
			if (v->style == YS_ALIAS)
				return refuse_alias(c, name, false);
			if ((rc = rewrite(c, v, flow || p->val.style == YS_FLOW, fs)))
				return rc;
		}
	}
	return 0;
}

/* The records of r's document, and r's place among them. */
static const struct ys_rec *sibling(const struct ectx *c, long step)
{
	const struct ys_doc *doc = &c->y->docs[c->r->doc];
	long i = (long)(c->r - c->y->recs) + step;

	if (i < (long)doc->rec0 || i >= (long)(doc->rec0 + doc->nrecs))
		return NULL;
	return &c->y->recs[i];
}

static int edit_rm(struct ectx *c)
{
	const struct ys_rec *r = c->r;
	const struct ys_doc *doc = &c->y->docs[r->doc];
	size_t s, e, p;

	if (r->place == YS_IN_FLOW_SEQ) {
		const struct ys_rec *prev = sibling(c, -1), *next = sibling(c, 1);

		if (prev)
			return splice(c, prev->end, r->end - prev->end, NULL);
		if (next)
			return splice(c, r->node.start, next->node.start - r->node.start,
				      NULL);
		return splice(c, r->node.start, r->end - r->node.start, NULL);
	}
	if (r->place == YS_IN_BLOCK_SEQ) {
		if (r->dash == YS_NONE || !starts_line(c->d, r->dash))
			goto cannot;
		s = lstart(c->d, r->dash);
		e = ys_next_line(c->d, c->len, r->end);
	} else {
		s = lstart(c->d, doc->start);
		if (!starts_line(c->d, doc->start))
			goto cannot;
		e = doc->explicit_end ? ys_next_line(c->d, c->len, doc->end) :
			doc->end;
		if (e < ys_next_line(c->d, c->len, r->end))
			e = ys_next_line(c->d, c->len, r->end);
	}
	/* the comments directly above go with it */
	while ((p = prev_line(c->d, s)) < s && comment_line(c->d, c->len, p))
		s = p;
	/* and the blank lines after it, or, when it was the last, those
	 * before it */
	while (e < c->len && blank_line(c->d, c->len, e))
		e = ys_next_line(c->d, c->len, e);
	if (e == c->len && c->at_eof) {
		while ((p = prev_line(c->d, s)) < s && blank_line(c->d, c->len, p))
			s = p;
		if (c->len && c->d[c->len - 1] != '\n' && c->d[c->len - 1] != '\r')
			s = before_break(c->d, s);
	}
	return splice(c, s, e - s, NULL);
cannot:
	return kb_err(c->err, KB_EUSAGE, c->f->shown, r->node.line + 1,
		      r->node.col + 1, "kbq cannot remove a record written this "
		      "way; edit it by hand");
}

/* The lines of a new record: in a block list (`dash` before the first
 * key) or as a document (dash NULL), in block or flow style. */
static int put_record(struct ectx *c, struct kb_buf *b, const char *dash)
{
	const struct style *st = &c->st;
	size_t i, key_col = dash ? st->dash_col + strlen(dash) : st->key_col;

	if (dash && (put_spaces(b, st->dash_col) < 0 || kb_buf_str(b, dash) < 0))
		return -1;
	if (st->flow_rec && kb_buf_str(b, "{") < 0)
		return -1;
	for (i = 0; i < c->t->nfops; i++) {
		const struct fop *f = &c->t->fops[i];
		struct fop kind;

		if (f->clear)
			continue;
		if (st->flow_rec) {
			if (i && kb_buf_str(b, ", ") < 0)
				return -1;
		} else if (i && (kb_buf_str(b, st->eol) < 0 || put_spaces(b, key_col) < 0)) {
			return -1;
		}
		if (put_pair(b, f, fspec(c, f->name), key_col, st, LIT_OK) < 0)
			return -1;
		if (i)
			continue;
		/* the kind after the id */
		memset(&kind, 0, sizeof(kind));
		kind.name = "kind";
		kind.vals = &c->t->kind;
		kind.n = 1;
		if (st->flow_rec ? kb_buf_str(b, ", ") < 0 :
		    kb_buf_str(b, st->eol) < 0 || put_spaces(b, key_col) < 0)
			return -1;
		if (put_pair(b, &kind, NULL, key_col, st, LIT_NO) < 0)
			return -1;
	}
	if (st->flow_rec && kb_buf_str(b, "}") < 0)
		return -1;
	return 0;
}

/* The number of blank lines directly above line start s (over the comments
 * directly above it). */
static unsigned blanks_above(const char *d, size_t len, size_t s)
{
	unsigned n = 0;
	size_t p;

	while ((p = prev_line(d, s)) < s && comment_line(d, len, p))
		s = p;
	while ((p = prev_line(d, s)) < s && blank_line(d, len, p)) {
		s = p;
		n++;
	}
	return n;
}

static int edit_add(struct ectx *c)
{
	const struct ys_rec *r = c->r;
	struct kb_buf b;
	size_t at, i;

	memset(&b, 0, sizeof(b));
	if (!r) {
		/* no record to follow: a block list at the end of the file,
		 * or inside an empty [] */
		const struct ys_doc *last = c->y->ndocs ?
					    &c->y->docs[c->y->ndocs - 1] : NULL;

		if (last && last->root_seq && last->root.style == YS_FLOW) {
			c->st.flow_rec = true;
			if (put_record(c, &b, NULL) < 0)
				goto nomem;
			at = last->root.cstart + 1;
		} else {
			at = c->len;
			if (c->len && c->d[c->len - 1] != '\n' &&
			    c->d[c->len - 1] != '\r' && kb_buf_str(&b, c->st.eol) < 0)
				goto nomem;
			c->st.dash_col = 0;
			if (put_record(c, &b, "- ") < 0 || kb_buf_str(&b, c->st.eol) < 0)
				goto nomem;
		}
	} else if (r->place == YS_IN_FLOW_SEQ) {
		const struct ys_rec *prev = sibling(c, -1);
		char sep[64] = ", ";

		if (prev && r->node.start - prev->end < sizeof(sep) &&
		    !memchr(c->d + prev->end, '#', r->node.start - prev->end)) {
			memcpy(sep, c->d + prev->end, r->node.start - prev->end);
			sep[r->node.start - prev->end] = '\0';
		}
		c->st.flow_rec = r->node.style != YS_BLOCK;
		if (kb_buf_str(&b, sep) < 0 || put_record(c, &b, NULL) < 0)
			goto nomem;
		at = r->end;
	} else {
		at = ys_line_end(c->d, c->len, r->end);
		if (kb_buf_str(&b, c->st.eol) < 0)
			goto nomem;
		if (r->place == YS_IN_BLOCK_SEQ) {
			unsigned n = r->dash != YS_NONE ?
				     blanks_above(c->d, c->len,
						  lstart(c->d, r->dash)) : 0;

			for (i = 0; i < n; i++)
				if (kb_buf_str(&b, c->st.eol) < 0)
					goto nomem;
			if (r->node.style == YS_ALIAS)
				c->st.dash_col = r->dash != YS_NONE ?
						 col_of(c->d, r->dash) : 0;
			if (put_record(c, &b, c->st.dash) < 0)
				goto nomem;
		} else {
			if (kb_buf_str(&b, "---") < 0 || kb_buf_str(&b, c->st.eol) < 0 ||
			    put_record(c, &b, NULL) < 0)
				goto nomem;
		}
	}
	return splice_buf(c, at, 0, &b, false);
nomem:
	return splice_buf(c, 0, 0, &b, true);
}

/* ---- applying a region's splices, reading it back ------------------------------------------ */

static int cmp_rsp(const void *a, const void *b)
{
	const struct rsp *x = a, *y = b;

	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	/* at one place: what is inserted before what is replaced */
	if ((x->len == 0) != (y->len == 0))
		return x->len == 0 ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int cannot(struct efile *f, const char *what, struct kb_error *err)
{
	return kb_err(err, KB_EUSAGE, f->shown, 0, 0,
		      "kbq cannot make this change: %s; nothing was written",
		      what);
}

/* The splices in order, overlapping removals joined, then the new bytes. */
static int apply(struct efile *f, struct region *g, struct kb_error *err)
{
	size_t i, n = 0, pos = 0;

	qsort(g->sp, g->nsp, sizeof(*g->sp), cmp_rsp);
	for (i = 0; i < g->nsp; i++) {
		struct rsp *last = n ? &g->sp[n - 1] : NULL, *s = &g->sp[i];

		if (last && s->off < last->off + last->len) {
			if (last->tlen || s->tlen)
				return cannot(f, "two of its changes meet", err);
			if (s->off + s->len > last->off + last->len)
				last->len = s->off + s->len - last->off;
			continue;
		}
		g->sp[n++] = *s;
	}
	g->nsp = n;
	{
		/* an anchor that aliases use must not go: the first in the
		 * text is reported */
		const struct ys_anchor *bad = NULL;

		for (i = 0; i < g->ys.nanchors; i++) {
			const struct ys_anchor *a = &g->ys.anchors[i];
			size_t k;

			for (k = 0; k < g->nsp && a->uses; k++)
				if (g->sp[k].len && g->sp[k].off <= a->start &&
				    a->start < g->sp[k].off + g->sp[k].len &&
				    (!bad || a->start < bad->start))
					bad = a;
		}
		if (bad)
			return kb_err(err, KB_EUSAGE, f->shown,
				      (unsigned)(g->base_line +
						 ys_count_lines(g->data, bad->start) + 1),
				      (unsigned)(col_of(g->data, bad->start) + 1),
				      "the change would remove anchor '&%s', used "
				      "by %u alias%s: edit the file by hand",
				      bad->name, bad->uses, bad->uses == 1 ? "" : "es");
	}
	memset(&g->nw, 0, sizeof(g->nw));
	for (i = 0; i < g->nsp; i++) {
		if (kb_buf_add(&g->nw, g->data + pos, g->sp[i].off - pos) < 0 ||
		    kb_buf_add(&g->nw, g->sp[i].text, g->sp[i].tlen) < 0)
			return oom(err);
		pos = g->sp[i].off + g->sp[i].len;
	}
	if (kb_buf_add(&g->nw, g->data ? g->data + pos : "", g->len - pos) < 0)
		return oom(err);
	g->dlines = (long)ys_count_lines(g->nw.s, g->nw.len) -
		    (long)ys_count_lines(g->data ? g->data : "", g->len);
	return 0;
}

static int reread(struct efile *f, struct region *g, struct kb_error *err)
{
	struct kb_open_opts oo;
	struct kb_error e;
	char what[1300];

	memset(&oo, 0, sizeof(oo));
	oo.threads = g->nw.len < ((size_t)1 << 20) ? 1 : 0;
	g->mf.name = "kbq-edit.yaml";
	g->mf.data = g->nw.s;
	g->mf.len = g->nw.len;
	if (!kb_open_mem(&g->after, &g->mf, 1, &oo, &e))
		return 0;
	if (e.code == KB_ENOMEM) {
		kb_error_free(&e);
		return oom(err);
	}
	snprintf(what, sizeof(what), "the result would not read back (line %u: "
		 "%.1000s)", e.line ? (unsigned)(g->base_line + e.line) : 0,
		 e.message);
	kb_error_free(&e);
	return cannot(f, what, err);
}

/* ---- what the change must give ------------------------------------------------------------------ */

struct expf {
	const char *name;
	const char *const *v;
	size_t n;
};

/* The fields target t must have after the change (old: the KB's record). */
static int expect(struct kb_edit *ed, const struct target *t,
		  const struct kb_record *old, struct expf **out, size_t *nout)
{
	size_t n = 0, i, j, cap = (old ? old->nfields : 0) + t->nfops + 2;
	struct expf *e = kb_arena_alloc(&ed->arena, cap * sizeof(*e));

	if (!e)
		return -1;
	for (i = 0; old && i < old->nfields; i++) {
		const char **v = kb_arena_alloc(&ed->arena, old->fields[i].count *
						sizeof(*v) + 1);

		if (!v)
			return -1;
		for (j = 0; j < old->fields[i].count; j++) {
			v[j] = old->fields[i].values[j].text;
			if (((t->rename && !strcmp(old->fields[i].name, "id")) ||
			     t->refs) && !strcmp(v[j], ed->old_id)) {
				for (size_t k = 0; k < t->nreffields; k++)
					if (!strcmp(t->reffields[k], old->fields[i].name))
						v[j] = ed->new_id;
				if (t->rename && !strcmp(old->fields[i].name, "id"))
					v[j] = ed->new_id;
			}
		}
		e[n].name = old->fields[i].name;
		e[n].v = v;
		e[n++].n = old->fields[i].count;
	}
	if (t->add) {
		e[n].name = "kind";
		e[n].v = &t->kind;
		e[n++].n = 1;
	}
	for (i = 0; i < t->nfops; i++) {
		const struct fop *f = &t->fops[i];

		for (j = 0; j < n && strcmp(e[j].name, f->name); j++)
			;
		if (f->clear) {
			if (j < n)
				e[j] = e[--n];
			continue;
		}
		if (j == n)
			n++;
		e[j].name = f->name;
		e[j].v = f->vals;
		e[j].n = f->n;
	}
	*out = e;
	*nout = n;
	return 0;
}

static bool matches(const struct kb_record *got, const struct expf *e, size_t n)
{
	size_t i, j;

	if (got->nfields != n)
		return false;
	for (i = 0; i < n; i++) {
		const struct kb_field *f = kb_record_field(got, e[i].name);

		if (!f || f->count != e[i].n)
			return false;
		for (j = 0; j < f->count; j++)
			if (strcmp(f->values[j].text, e[i].v[j]))
				return false;
	}
	return true;
}

static bool same_record(const struct kb_record *a, const struct kb_record *b)
{
	uint32_t i, j;

	if (a->nfields != b->nfields)
		return false;
	for (i = 0; i < a->nfields; i++) {
		if (strcmp(a->fields[i].name, b->fields[i].name) ||
		    a->fields[i].count != b->fields[i].count)
			return false;
		for (j = 0; j < a->fields[i].count; j++)
			if (a->fields[i].values[j].len != b->fields[i].values[j].len ||
			    memcmp(a->fields[i].values[j].text,
				   b->fields[i].values[j].text,
				   a->fields[i].values[j].len))
				return false;
	}
	return true;
}

/* A copy of a record read back, at its place in the file, its names those
 * of the KB (for validation), its text its own. */
static const struct kb_record *placed(struct kb_edit *ed, const struct efile *f,
				      const struct kb_record *got, long shift)
{
	struct kb_record *r = kb_arena_alloc(&ed->arena, sizeof(*r));
	struct kb_field *fs;
	uint32_t i, j;

	if (!r || !(fs = kb_arena_alloc(&ed->arena, (got->nfields + 1) * sizeof(*fs))))
		return NULL;
	*r = *got;
	r->file = f->shown;
	r->line = (uint32_t)(got->line + shift);
	if (!(r->kind = kb_intern(ed->kb, got->kind, strlen(got->kind))))
		return NULL;
	for (i = 0; i < got->nfields; i++) {
		struct kb_value *v = kb_arena_alloc(&ed->arena, (got->fields[i].count + 1) *
						    sizeof(*v));

		fs[i] = got->fields[i];
		if (!v || !(fs[i].name = kb_intern(ed->kb, got->fields[i].name,
						   strlen(got->fields[i].name))))
			return NULL;
		fs[i].line = (uint32_t)(fs[i].line + shift);
		for (j = 0; j < got->fields[i].count; j++) {
			v[j] = got->fields[i].values[j];
			v[j].line = (uint32_t)(v[j].line + shift);
			/* the region read back is freed soon */
			if (!(v[j].text = copy(ed, v[j].text, v[j].len)))
				return NULL;
			if (fs[i].name == ed->kb->id_name && !j)
				r->id = v[j].text;
		}
		fs[i].values = v;
	}
	r->fields = fs;
	return r;
}

/* The anchors a region's splices reach, and those whose node holds a
 * record that aliases one of them: the records that alias any of them
 * change with the change. */
static bool *touched_anchors(const struct region *g)
{
	const struct ys_file *y = &g->ys;
	bool *hit = calloc(y->nanchors + 1, 1), more = true;
	size_t i, k;

	if (!hit)
		return NULL;
	for (i = 0; i < y->nanchors; i++)
		for (k = 0; k < g->nsp; k++)
			if (g->sp[k].off < y->anchors[i].end &&
			    g->sp[k].off + g->sp[k].len >= y->anchors[i].start)
				hit[i] = true;
	while (more) {
		more = false;
		for (i = 0; i < y->nrecs; i++) {
			const struct ys_rec *r = &y->recs[i];
			bool uses = false;

			for (k = 0; k < r->nuses && !uses; k++)
				uses = hit[y->uses[r->use0 + k]];
			for (k = 0; uses && k < y->nanchors; k++)
				if (!hit[k] && y->anchors[k].start <= r->node.start &&
				    r->node.start < y->anchors[k].end)
					hit[k] = more = true;
		}
	}
	return hit;
}

static bool aliases_hit(const struct ys_file *y, const struct ys_rec *r,
			const bool *hit)
{
	size_t k;

	for (k = 0; k < r->nuses; k++)
		if (hit[y->uses[r->use0 + k]])
			return true;
	return false;
}

/* ---- preparing ------------------------------------------------------------------------------------ */

static struct target *target_by_id(const struct kb_edit *ed, const char *id)
{
	const struct kb_strmap_slot *s = kb_strmap_find(&ed->tmap, id, strlen(id));

	return s->key ? &ed->t[(uintptr_t)s->val - 1] : NULL;
}

/* What the KB will hold: the kind of the record named id (NULL: none). */
static const char *kind_of(void *ud, const char *id, bool *known)
{
	struct kb_edit *ed = ud;
	const struct target *t;

	*known = false;
	if (ed->kind == RQ_MV && !strcmp(id, ed->old_id)) {
		*known = true;
		return NULL;
	}
	if (ed->kind == RQ_MV && !strcmp(id, ed->new_id)) {
		*known = true;
		return ed->t[0].kind;
	}
	if (ed->kind == RQ_ADD && !strcmp(id, ed->add_id)) {
		*known = true;
		return ed->t[0].kind;
	}
	if ((ed->kind == RQ_RM || ed->kind == RQ_SET) && (t = target_by_id(ed, id))) {
		*known = true;
		return t->rm ? NULL : t->kind;
	}
	return NULL;
}

static void problem(const struct kb_diag *d, void *ud)
{
	struct kb_edit *ed = ud;

	ed->problems++;
	if (ed->fn)
		ed->fn(d, ed->ud);
}

struct rmref {
	struct kb_edit *ed;
	const struct target *t;
};

static void on_rm_ref(const struct kb_record *rec, const struct kb_field *f,
		      void *ud)
{
	struct rmref *w = ud;
	const struct target *o = target_by_id(w->ed, rec->id);
	struct kb_diag d;
	char msg[1024];
	uint32_t i;

	if (o && o->rm)
		return;		/* removed as well */
	for (i = 0; i < f->count && strcmp(f->values[i].text, w->t->id); i++)
		;
	snprintf(msg, sizeof(msg), "'%s' refers to '%s' in field '%s' (rm "
		 "--force removes '%s' anyway)", rec->id, w->t->id, f->name,
		 w->t->id);
	d.file = rec->file;
	d.line = i < f->count ? f->values[i].line : f->line;
	d.col = i < f->count ? f->values[i].col : f->col;
	d.id = rec->id;
	d.message = msg;
	problem(&d, w->ed);
}

static int out_rec(struct kb_edit *ed, const char *file, uint32_t line,
		   uint32_t col, const char *id, enum kb_edit_what what,
		   struct kb_error *err)
{
	struct kb_edit_rec *o;

	if (kb_grow((void **)&ed->out, &ed->capout, ed->nout + 1,
		    sizeof(*ed->out)) < 0)
		return oom(err);
	o = &ed->out[ed->nout++];
	o->file = file;
	o->line = line;
	o->col = col;
	o->id = id;
	o->new_id = what == KB_EDIT_RENAMED ? ed->new_id : NULL;
	o->what = what;
	return 0;
}

/* The place of KB record rec in region g, or YS_NONE. */
static size_t find_in_region(const struct region *g, size_t rec)
{
	size_t a = 0, b = g->ys.nrecs;

	/* the records of a region are in file order */
	while (a < b) {
		size_t mid = (a + b) / 2;

		if (g->kbrec[mid] < rec)
			a = mid + 1;
		else
			b = mid;
	}
	return a < g->ys.nrecs && g->kbrec[a] == rec ? a : YS_NONE;
}

/* Target t's change as splices on region `reg` of f, which holds it. */
static int edit_target(struct kb_edit *ed, struct efile *f, size_t reg,
		       struct target *t, struct kb_error *err)
{
	struct region *g;
	struct kb_view w;
	struct ectx c;
	size_t before;
	int rc;

	memset(&c, 0, sizeof(c));
	c.ed = ed;
	c.f = f;
	c.t = t;
	c.err = err;
	/* an added record goes after the file's last, or alone in it */
	t->reg = reg;
	g = &f->regs[reg];
	t->ysrec = t->add && !f->nrec ? YS_NONE :
		   find_in_region(g, t->add ? f->rec0 + f->nrec - 1 : t->rec);
	if (t->ysrec == YS_NONE && !(t->add && !f->nrec))
		return cannot(f, "a record it changes was not found", err);
	c.g = g;
	c.y = &g->ys;
	c.d = g->data ? g->data : "";
	c.len = g->len;
	c.at_eof = g->off + g->len == f->size;
	before = g->nsp;
	c.r = t->ysrec < g->ys.nrecs ? &g->ys.recs[t->ysrec] : NULL;
	get_style(&g->ys, c.r, f->eol, &c.st);
	if (t->add) {
		t->changed = true;
		return edit_add(&c);
	}
	/* decoded in passing: a rename may touch most records */
	memset(&w, 0, sizeof(w));
	if (kb_view_decode(ed->kb, ed->kb->recs[t->rec], &w) < 0 ||
	    !(c.gone = calloc(c.r->npairs + 1, sizeof(*c.gone)))) {
		kb_view_free(&w);
		return oom(err);
	}
	c.k = &w.rec;
	if (t->rm)
		rc = edit_rm(&c);
	else if (t->rename || t->refs)
		rc = edit_mv(&c);
	else
		rc = edit_set(&c);
	kb_view_free(&w);
	free(c.gone);
	t->changed = g->nsp > before;
	return rc;
}

/* Region g read back: the records it must hold, in order. */
static int check_region(struct kb_edit *ed, struct efile *f, size_t fi,
			struct region *g, long shift, struct kb_error *err)
{
	struct kb *kb = ed->kb;
	size_t i, j = 0, k, n = kb_count(g->after), nr = g->ys.nrecs;
	size_t *tix, add = YS_NONE, ti;
	bool *hit = NULL;
	struct kb_view w;
	struct target *t;
	struct expf *e;
	size_t ne;
	char what[600];

	/* the target of each record of the region (indexes: a target made
	 * here moves the others) */
	if (!(tix = malloc((nr + 1) * sizeof(*tix))))
		return oom(err);
	for (i = 0; i <= nr; i++)
		tix[i] = YS_NONE;
	for (k = 0; k < ed->nt; k++) {
		t = &ed->t[k];
		if (t->file != fi || t->reg != (size_t)(g - f->regs))
			continue;
		if (t->add)
			add = k;
		else if (t->ysrec < nr)
			tix[t->ysrec] = k;
	}
	memset(&w, 0, sizeof(w));
	for (i = 0; i <= nr; i++) {
		const struct kb_record *old, *got;

		ti = i < nr ? tix[i] : YS_NONE;
		if (i < nr) {
			if (kb_view_decode(kb, kb->recs[g->kbrec[i]], &w) < 0)
				goto nomem;
			old = &w.rec;
			if (ti != YS_NONE && ed->t[ti].rm) {
				ed->t[ti].line = old->line;
				ed->t[ti].col = old->col;
			} else {
				if (j >= n)
					goto wrong;
				if (!(got = kb_at(g->after, j++)))
					goto nomem;
				if (ti != YS_NONE && ed->t[ti].changed) {
					if (expect(ed, &ed->t[ti], old, &e, &ne) < 0)
						goto nomem;
					if (!matches(got, e, ne))
						goto wrong;
				} else if (!same_record(old, got)) {
					/* changed with an anchor it aliases */
					if (!hit && !(hit = touched_anchors(g)))
						goto nomem;
					if (!aliases_hit(&g->ys, &g->ys.recs[i], hit))
						goto wrong;
					if (ti == YS_NONE) {
						if (!new_target(ed, err))
							goto nomem;
						ti = ed->nt - 1;
					}
					t = &ed->t[ti];
					t->rec = g->kbrec[i];
					t->id = old->id;
					t->kind = kb->recs[t->rec]->kind;
					t->file = fi;
					t->affected = t->changed = true;
				}
				if (ti != YS_NONE && ed->t[ti].changed) {
					t = &ed->t[ti];
					t->line = (uint32_t)(got->line + shift);
					t->col = got->col;
					if (!(t->now = placed(ed, f, got, shift)))
						goto nomem;
				}
			}
		}
		/* the record added goes after the file's last (or alone) */
		if (add != YS_NONE && (ed->t[add].ysrec == i ||
				       (ed->t[add].ysrec == YS_NONE && i == nr))) {
			t = &ed->t[add];
			if (j >= n)
				goto wrong;
			if (!(got = kb_at(g->after, j++)))
				goto nomem;
			if (expect(ed, t, NULL, &e, &ne) < 0)
				goto nomem;
			if (!matches(got, e, ne))
				goto wrong;
			t->line = (uint32_t)(got->line + shift);
			t->col = got->col;
			if (!(t->now = placed(ed, f, got, shift)))
				goto nomem;
		}
	}
	free(tix);
	free(hit);
	kb_view_free(&w);
	if (j != n)
		return cannot(f, "the result holds a record too many", err);
	return 0;
wrong:
	free(tix);
	free(hit);
	kb_view_free(&w);
	snprintf(what, sizeof(what), "the result does not read back as intended "
		 "(record %zu of the part changed)", j);
	return cannot(f, what, err);
nomem:
	free(tix);
	free(hit);
	kb_view_free(&w);
	return oom(err);
}

/* The file's line ending: that of its first line break. */
static void file_eol(struct efile *f, const struct region *g)
{
	const char *d = g->data;
	size_t i;

	for (i = 0; d && i < g->len; i++) {
		if (d[i] == '\n') {
			strcpy(f->eol, i && d[i - 1] == '\r' ? "\r\n" : "\n");
			return;
		}
		if (d[i] == '\r' && !(i + 1 < g->len && d[i + 1] == '\n')) {
			strcpy(f->eol, "\r");
			return;
		}
	}
}

/* A region's bytes, spans and reading back, no longer needed once its
 * splices are checked. */
static void release_region(struct region *g)
{
	if (g->own)
		free(g->data);
	g->data = NULL;
	g->own = false;
	ys_free(&g->ys);
	free(g->kbrec);
	g->kbrec = NULL;
	kb_buf_free(&g->nw);
	kb_free(g->after);
	g->after = NULL;
}

static void free_regions(struct efile *f)
{
	size_t j;

	for (j = 0; j < f->nregs; j++) {
		release_region(&f->regs[j]);
		free(f->regs[j].sp);
	}
	free(f->regs);
	f->regs = NULL;
	f->nregs = 0;
}

/* The KB record a target of a file is placed by: its own, or for a record
 * added, the file's last (after which it goes). */
static size_t key_of(const struct efile *f, const struct target *t)
{
	if (!t->add)
		return t->rec;
	return f->nrec ? f->rec0 + f->nrec - 1 : 0;
}

/* A target of a file and where it is placed (key_of), to sort them. */
struct placed_target {
	size_t key, t;
};

static int cmp_placed(const void *a, const void *b)
{
	const struct placed_target *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->t < y->t ? -1 : x->t > y->t;
}

/*
 * The changes of file fi, region by region in file order: each read,
 * its targets' changes made, applied, read back and checked, then let go,
 * so that memory holds one region at a time.  When a part of a large file
 * does not stand on its own, it all starts again with the file whole.
 */
static int prepare_file(struct kb_edit *ed, size_t fi, struct kb_error *err)
{
	struct efile *f = &ed->files[fi];
	struct placed_target *order;
	size_t n = 0, i, k;
	long shift;
	int rc;

	if ((rc = open_file(f, err)))
		return rc;
	if (!(order = malloc((ed->nt + 1) * sizeof(*order))))
		return oom(err);
	for (i = 0; i < ed->nt; i++)
		if (ed->t[i].file == fi) {
			order[n].key = key_of(f, &ed->t[i]);
			order[n++].t = i;
		}
	qsort(order, n, sizeof(*order), cmp_placed);
	for (;;) {
		if ((rc = plan_file(ed, f, fi, err)))
			break;
		shift = 0;
		for (i = k = 0; i < f->nregs && !rc; i++) {
			struct region *g = &f->regs[i];

			if ((rc = read_region(ed, f, g, err)))
				break;
			if (!i)
				file_eol(f, g);
			/* the targets whose records the region holds */
			while (k < n && !rc && (i + 1 == f->nregs ||
						(g->ys.nrecs && order[k].key <=
						 g->kbrec[g->ys.nrecs - 1])))
				rc = edit_target(ed, f, i, &ed->t[order[k++].t], err);
			if (rc || !g->nsp) {
				release_region(g);
				continue;
			}
			if ((rc = apply(f, g, err)) || (rc = reread(f, g, err)) ||
			    (rc = check_region(ed, f, fi, g,
					       (long)g->base_line + shift, err)))
				break;
			/* the records of later regions moved by as many lines */
			shift += g->dlines;
			/* what stays is the splices: a rename may change
			 * thousands of regions */
			release_region(g);
		}
		if (rc != 1)
			break;
		/* a part that does not stand on its own: the whole file (parts
		 * have no anchors, so the targets are those there were) */
		free_regions(f);
		f->whole = true;
		rc = 0;
	}
	if (!rc && !f->whole)
		ed->nparts += f->nregs;
	free(order);
	return rc;
}

int kb_edit_prepare(struct kb_edit *ed,
		    void (*fn)(const struct kb_diag *d, void *ud), void *ud,
		    size_t *problems, struct kb_error *err)
{
	struct kb *kb = ed->kb;
	const char *last_file = NULL;
	size_t i, nt, last = 0;
	int rc = 0;

	*problems = 0;
	if (ed->prepared)
		return kb_err(err, KB_EUSAGE, NULL, 0, 0, "prepared already");
	ed->prepared = true;
	ed->fn = fn;
	ed->ud = ud;
	for (i = 0; i < ed->nt; i++) {
		bool added;

		if (!ed->t[i].id)
			continue;
		if (!kb_strmap_put(&ed->tmap, ed->t[i].id, strlen(ed->t[i].id),
				   (void *)(uintptr_t)(i + 1), &added))
			return oom(err);
	}
	/* rm: the records that refer to those removed */
	for (i = 0; ed->kind == RQ_RM && !ed->force && i < ed->nt; i++) {
		struct rmref w = { ed, &ed->t[i] };

		kb_backlinks(kb, ed->t[i].id, on_rm_ref, &w);
	}
	if (ed->problems) {
		*problems = ed->problems;
		return 0;
	}
	/* the files */
	for (i = 0; i < ed->nt; i++) {
		struct target *t = &ed->t[i];
		struct efile *f;
		int kf = -1;

		if (t->add) {
			kf = ed->add_file ? kbfile_by_rel(kb, ed->add_file) : 0;
			f = file_for(ed, kf, ed->add_file, err);
		} else {
			const char *file = kb->recs[t->rec]->file;
			size_t nf = kb->nmem ? kb->nmem : kb->nfiles;

			/* targets come mostly in file order */
			if (file == last_file) {
				t->file = last;
				continue;
			}
			for (kf = 0; kf < (int)nf && strcmp(kbfile_shown(kb, kf), file);
			     kf++)
				;
			last_file = file;
			f = kf < (int)nf ? file_for(ed, kf, NULL, err) : NULL;
			if (!f && kf >= (int)nf)
				return kb_err(err, KB_EUSAGE, file, 0, 0,
					      "no such file in the KB");
		}
		if (!f)
			return KB_ENOMEM;
		t->file = last = (size_t)(f - ed->files);
	}
	for (i = 0; i < ed->nfiles && !rc; i++)
		rc = prepare_file(ed, i, err);
	if (rc)
		return rc;
	/* what changed, checked against the KB as it will be */
	nt = ed->nt;
	for (i = 0; i < nt; i++) {
		struct target *t = &ed->t[i];
		const char *file = ed->files[t->file].shown;

		if (!t->changed)
			continue;
		if (t->rm)
			rc = out_rec(ed, file, t->line, t->col, t->id,
				     KB_EDIT_REMOVED, err);
		else
			rc = out_rec(ed, file, t->line, t->col,
				     t->rename ? ed->old_id : t->id,
				     t->add ? KB_EDIT_ADDED : t->rename ?
				     KB_EDIT_RENAMED : KB_EDIT_CHANGED, err);
		if (rc)
			return rc;
		if (t->now)
			kb_validate_record(kb, t->now, kind_of, ed, problem, ed);
	}
	*problems = ed->problems;
	/* the files' splices */
	for (i = 0; i < ed->nfiles; i++) {
		struct efile *f = &ed->files[i];
		struct kb_edit_file *p = &f->pub;
		size_t j, k, n = 0;

		for (j = 0; j < f->nregs; j++)
			n += f->regs[j].nsp;
		if (!n && f->kbfile >= 0)
			continue;
		if (!(f->out = calloc(n + 1, sizeof(*f->out))))
			return oom(err);
		for (j = 0; j < f->nregs; j++)
			for (k = 0; k < f->regs[j].nsp; k++) {
				const struct rsp *s = &f->regs[j].sp[k];

				f->out[f->nout].off = f->regs[j].off + s->off;
				f->out[f->nout].len = s->len;
				f->out[f->nout].text = s->text;
				f->out[f->nout++].tlen = s->tlen;
			}
		p->path = f->path;
		p->shown = f->shown;
		p->rel = f->rel;
		p->created = f->kbfile < 0;
		p->fd = f->fd;
		p->data = f->memdata;
		p->size = f->size;
		p->dev = (uint64_t)f->st.st_dev;
		p->ino = (uint64_t)f->st.st_ino;
		p->mtime_sec = (int64_t)f->st.st_mtim.tv_sec;
		p->mtime_nsec = (int64_t)f->st.st_mtim.tv_nsec;
		p->ctime_sec = (int64_t)f->st.st_ctim.tv_sec;
		p->ctime_nsec = (int64_t)f->st.st_ctim.tv_nsec;
		p->mode = (unsigned)f->st.st_mode;
		p->splices = f->out;
		p->nsplices = f->nout;
	}
	return 0;
}

size_t kb_edit_nfiles(const struct kb_edit *ed)
{
	size_t i, n = 0;

	for (i = 0; i < ed->nfiles; i++)
		n += ed->files[i].pub.splices != NULL;
	return n;
}

const struct kb_edit_file *kb_edit_file_at(const struct kb_edit *ed, size_t i)
{
	size_t k;

	for (k = 0; k < ed->nfiles; k++)
		if (ed->files[k].pub.splices && !i--)
			return &ed->files[k].pub;
	return NULL;
}

size_t kb_edit_nrecs(const struct kb_edit *ed)
{
	return ed->nout;
}

const struct kb_edit_rec *kb_edit_rec_at(const struct kb_edit *ed, size_t i)
{
	return i < ed->nout ? &ed->out[i] : NULL;
}

size_t kb_edit_parts(const struct kb_edit *ed)
{
	return ed->nparts;
}
