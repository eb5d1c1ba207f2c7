/*
 * db.c - the KB object: finding the files of a KB, loading them in order,
 * the id index, lookups and back-links.
 */
#include "kb-int.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- the id index -------------------------------------------------------- */

/*
 * The ids, in one open-addressing table of 8-byte slots, at most half full.
 * A KB loaded whole keeps a 32-bit hash and the record's number + 1 (the
 * id itself is in the record).  A streamed KB remembers its ids as 64-bit
 * keyed hashes only, so memory does not grow with their length: a hash
 * seen before is a duplicate only if reading the KB again finds the id
 * earlier (find_first); with keyed SipHash two of a million ids share a
 * hash about once in 3.7e7 KBs, and then the reading again says so.
 */
static uint64_t slot_hash(const struct kb *kb, uint64_t v)
{
	return kb->stream ? v : v >> 32;
}

static int ids_grow(struct kb *kb)
{
	size_t cap = kb->idcap ? kb->idcap * 2 : 1024, i, j;
	uint64_t *slots = calloc(cap, sizeof(*slots));

	if (!slots)
		return -1;
	for (j = 0; j < kb->idcap; j++) {
		uint64_t v = kb->idslots[j];
		if (!v)
			continue;
		for (i = slot_hash(kb, v) & (cap - 1); slots[i]; i = (i + 1) & (cap - 1))
			;
		slots[i] = v;
	}
	free(kb->idslots);
	kb->idslots = slots;
	kb->idcap = cap;
	return 0;
}

/* The slot holding id, or the free slot where it would go. */
static uint64_t *ids_probe(const struct kb *kb, const char *id, size_t len)
{
	uint64_t h = kb_hash64(id, len), v;
	size_t i, mask = kb->idcap - 1;

	if (kb->stream)
		h |= 1;		/* 0 marks a free slot */
	else
		h = (uint32_t)h;
	for (i = h & mask; (v = kb->idslots[i]); i = (i + 1) & mask) {
		KB_WORK_ADD(id_probes, 1);
		if (kb->stream ? v == h :
		    v >> 32 == h && !strcmp(kb->recs[(uint32_t)v - 1]->id, id))
			break;
	}
	return &kb->idslots[i];
}

static int ids_add(struct kb *kb, const char *id, const struct kb_crec *c,
		   bool *added)
{
	size_t len = strlen(id);
	uint64_t *slot;

	if ((kb->idcount + 1) * 2 > kb->idcap && ids_grow(kb) < 0)
		return -1;
	slot = ids_probe(kb, id, len);
	if (*slot) {
		*added = false;
		return 0;
	}
	*slot = kb->stream ? kb_hash64(id, len) | 1 :
		(uint64_t)(uint32_t)kb_hash64(id, len) << 32 |
		((uint64_t)c->index + 1);
	kb->idcount++;
	*added = true;
	return 0;
}

struct first_seen {
	const char *id;
	const char *file;	/* where it was first written */
	char *owned;		/* file, copied: a second reading's memory goes */
	unsigned line, col;
	bool found;
	size_t index;		/* the record's place in load order */
};

static int is_first(const struct kb_record *rec, void *ud)
{
	struct first_seen *fs = ud;
	const struct kb_field *f;

	if (strcmp(rec->id, fs->id))
		return 0;
	f = kb_record_field(rec, "id");
	free(fs->owned);
	fs->file = fs->owned = strdup(rec->file);
	if (!fs->file)
		fs->file = "?";
	fs->line = f->values[0].line;
	fs->col = f->values[0].col;
	fs->found = true;
	fs->index = rec->index;
	return KB_EUSAGE;	/* found: stop reading */
}

static int load_all(struct kb *kb, struct kb_error *err);
static struct kb *kb_new(void);

/* Read the KB's files again up to the first record with this id. */
static void find_first(const struct kb *kb, struct first_seen *fs)
{
	struct kb *again = kb_new();
	struct kb_error err = { 0 };

	fs->file = "?";
	fs->line = fs->col = 0;
	if (!again)
		return;
	/* borrowed, given back before the free */
	again->paths = kb->paths;
	again->shown = kb->shown;
	again->nfiles = kb->nfiles;
	again->mem = kb->mem;
	again->nmem = kb->nmem;
	again->fetch = kb->fetch;
	again->fetch_ud = kb->fetch_ud;
	again->stream = true;
	again->confirming = true;
	again->threads = kb->threads;
	again->each = is_first;
	again->each_ud = fs;
	if (load_all(again, &err))	/* the first reading reports */
		kb_error_free(&err);
	again->paths = again->shown = NULL;
	again->nfiles = 0;
	again->mem = NULL;
	again->nmem = 0;
	kb_free(again);
}

/* Where an id was first written, for input that cannot be read again. */
struct kb_place {
	const char *file;
	unsigned line, col;
};

static int exact_add(struct kb *kb, const struct kb_record *rec, bool *added)
{
	const struct kb_field *f = kb_record_field(rec, kb->id_name);
	size_t len = strlen(rec->id);
	struct kb_place *pl;
	char *key;

	if (kb_strmap_find(&kb->exact, rec->id, len)->key) {
		*added = false;
		return 0;
	}
	if (!(key = kb_arena_strndup(&kb->arena, rec->id, len)) ||
	    !(pl = kb_arena_alloc(&kb->arena, sizeof(*pl))))
		return -1;
	pl->file = rec->file;	/* the KB's own copy of the name */
	pl->line = f->values[0].line;
	pl->col = f->values[0].col;
	if (!kb_strmap_put(&kb->exact, key, len, pl, added))
		return -1;
	return 0;
}

int kb_index_add(struct kb *kb, const struct kb_record *rec,
		 struct kb_crec *c, bool *dup)
{
	bool added = true;

	if (kb->confirming)
		;	/* a second reading, looking for a place only */
	else if (kb->stream && kb->exact_ids) {
		if (exact_add(kb, rec, &added) < 0)
			return -1;
	} else if (ids_add(kb, rec ? rec->id : c->id, c, &added) < 0) {
		return -1;
	}
	*dup = !added;
	return 0;
}

int kb_index_record(struct kb *kb, struct kb_record *rec, struct kb_crec *c,
		    struct kb_error *err)
{
	const struct kb_field *f = kb_record_field(rec, kb->id_name);
	struct first_seen fs;
	bool dup;
	int rc;

	memset(&fs, 0, sizeof(fs));
	fs.id = rec->id;
	if (kb_index_add(kb, c ? NULL : rec, c, &dup) < 0)
		return kb_err(err, KB_ENOMEM, rec->file, 0, 0, "out of memory");
	if (!dup)
		return 0;
	if (kb->stream && kb->exact_ids) {
		const struct kb_place *pl =
			kb_strmap_find(&kb->exact, rec->id, strlen(rec->id))->val;

		fs.file = pl->file;
		fs.line = pl->line;
		fs.col = pl->col;
	} else if (kb->stream) {
		find_first(kb, &fs);
		/* the first record with this id is this one: another id had
		 * the same hash */
		if (fs.found && fs.index == rec->index) {
			free(fs.owned);
			return 0;
		}
		if (!fs.found)	/* the files changed under us */
			return kb_err(err, KB_ESTRUCT, rec->file,
				      f->values[0].line, f->values[0].col,
				      "duplicate id '%s' (its first place "
				      "changed while the KB was read)", rec->id);
	} else {
		struct kb_crec *fc = kb_find(kb, rec->id);
		const struct kb_record *first = kb_crec_full(kb, fc);
		const struct kb_field *ff;

		if (!first)
			return kb_err(err, KB_ENOMEM, rec->file, 0, 0,
				      "out of memory");
		ff = kb_record_field(first, kb->id_name);
		fs.file = first->file;
		fs.line = ff->values[0].line;
		fs.col = ff->values[0].col;
	}
	/* An id that came through an alias or a merge was written before
	 * the record: point at the record instead. */
	if (f->values[0].line < rec->line ||
	    (f->values[0].line == rec->line && f->values[0].col < rec->col))
		rc = kb_err(err, KB_ESTRUCT, rec->file, rec->line, rec->col,
			    "duplicate id '%s' (first defined at %s:%u:%u)",
			    rec->id, fs.file, fs.line, fs.col);
	else
		rc = kb_err(err, KB_ESTRUCT, rec->file, f->values[0].line,
			    f->values[0].col,
			    "duplicate id '%s' (first defined at %s:%u:%u)",
			    rec->id, fs.file, fs.line, fs.col);
	if (err)	/* validate -o json names the record; NULL if no memory */
		err->id = strdup(rec->id);
	free(fs.owned);
	return rc;
}

const struct kb_field *kb_record_field(const struct kb_record *rec,
				       const char *name)
{
	uint32_t i;

	/* Names are interned, but callers may pass any string: compare the
	 * pointer first, the text only when that fails. */
	for (i = 0; i < rec->nfields; i++)
		if (rec->fields[i].name == name)
			return &rec->fields[i];
	for (i = 0; i < rec->nfields; i++)
		if (!strcmp(rec->fields[i].name, name))
			return &rec->fields[i];
	return NULL;
}

size_t kb_count(const struct kb *kb)
{
	return kb->nrecs;
}

const struct kb_record *kb_at(const struct kb *kb, size_t i)
{
	return i < kb->nrecs ? kb_crec_full(kb, kb->recs[i]) : NULL;
}

struct kb_crec *kb_find(const struct kb *kb, const char *id)
{
	uint64_t v;

	if (kb->stream || !kb->idcap)
		return NULL;
	v = *ids_probe(kb, id, strlen(id));
	return v ? kb->recs[(uint32_t)v - 1] : NULL;
}

bool kb_has_id(const struct kb *kb, const char *id)
{
	size_t len = strlen(id);

	if (!kb->stream)
		return kb_find(kb, id) != NULL;
	if (kb->exact_ids)
		return kb_strmap_find(&kb->exact, id, len)->key != NULL;
	return kb->idcap && *ids_probe(kb, id, len);
}

const struct kb_record *kb_get(const struct kb *kb, const char *id)
{
	struct kb_crec *c = kb_find(kb, id);

	return c ? kb_crec_full(kb, c) : NULL;
}

const char *kb_suggest_id(const struct kb *kb, const char *id)
{
	size_t i, d, best = 4, max = kb_suggest_max(strlen(id));
	const char *pick = NULL;

	for (i = 0; i < kb->nrecs; i++) {
		d = kb_edit_distance(id, kb->recs[i]->id, max);
		if (d <= max && d < best && d < strlen(id) &&
		    d < strlen(kb->recs[i]->id)) {
			best = d;
			pick = kb->recs[i]->id;
		}
	}
	return pick;
}

bool kb_is_ref_field(const struct kb *kb, const struct kb_record *rec,
		     const struct kb_field *f)
{
	const struct kb_fieldspec *fs;

	if (!kb->schema)
		return f->name != kb->id_name && f->name != kb->kind_name;
	fs = kb_kind_field(kb_kind_find(kb, rec->kind), f->name);
	return fs && fs->type == KB_TYPE_REF;
}

void kb_backlinks(const struct kb *kb, const char *id,
		  void (*fn)(const struct kb_record *rec,
			     const struct kb_field *field, void *ud),
		  void *ud)
{
	struct kb_view w;
	size_t i;
	uint32_t j, k;

	/* each record decoded in passing (rec.c) */
	memset(&w, 0, sizeof(w));
	for (i = 0; i < kb->nrecs; i++) {
		const struct kb_record *r = &w.rec;
		if (kb_view_decode(kb, kb->recs[i], &w) < 0)
			break;
		for (j = 0; j < r->nfields; j++) {
			const struct kb_field *f = &r->fields[j];
			if (!kb_is_ref_field(kb, r, f))
				continue;
			for (k = 0; k < f->count; k++)
				if (!strcmp(f->values[k].text, id)) {
					fn(r, f, ud);
					break;
				}
		}
	}
	kb_view_free(&w);
}

const struct kb_record *kb_keep(struct kb *kb, const struct kb_record *rec)
{
	struct kb_record *r;
	struct kb_field *f;
	uint32_t i, j;

	if (!kb->stream)	/* a record of a loaded KB: decoded for good */
		return rec->index < kb->nrecs ?
		       kb_crec_full(kb, kb->recs[rec->index]) : NULL;
	r = kb_arena_alloc(&kb->arena, sizeof(*r));
	if (!r || !(f = kb_arena_alloc(&kb->arena, (rec->nfields ? rec->nfields : 1) *
					 sizeof(*f))))
		return NULL;
	*r = *rec;
	r->fields = f;
	for (i = 0; i < rec->nfields; i++) {
		struct kb_value *v;
		f[i] = rec->fields[i];
		v = kb_arena_alloc(&kb->arena, (f[i].count ? f[i].count : 1) *
				   sizeof(*v));
		if (!v)
			return NULL;
		for (j = 0; j < f[i].count; j++) {
			v[j] = rec->fields[i].values[j];
			if (!(v[j].text = kb_arena_strndup(&kb->arena, v[j].text,
							   v[j].len)))
				return NULL;
			if (f[i].name == kb->id_name)
				r->id = v[j].text;
		}
		f[i].values = v;
	}
	return r;
}

/* ---- finding the files ---------------------------------------------------- */

/*
 * The directories of a KB are read in byte-wise order of their path
 * relative to the root, smallest first (a heap of those still to read):
 * a directory reached by several paths (symlinks) is read once, under the
 * smallest of them, whatever order readdir() gives (SPEC 1).  Extending a
 * path only makes it larger, so the first time a directory comes out of
 * the heap it comes with its smallest path.  Directories already read are
 * known by device and inode, hashed.  No recursion: depth costs a path,
 * not a stack frame.
 */
struct pending {
	char *rel;
	int depth;
};

struct walk {
	char **paths;		/* the record files, relative to the root */
	size_t n, cap;
	struct pending *heap;	/* directories still to read */
	size_t nheap, capheap;
	struct kb_strmap seen;	/* (device, inode) of each directory read */
	struct kb_arena keys;
	const char *root;
	struct kb_error *err;
};

static bool yaml_name(const char *name)
{
	size_t n = strlen(name);

	return (n > 5 && !strcmp(name + n - 5, ".yaml")) ||
	       (n > 4 && !strcmp(name + n - 4, ".yml"));
}

static char *join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *p = malloc(la + lb + 2);

	if (!p)
		return NULL;
	memcpy(p, a, la);
	p[la] = '/';
	memcpy(p + la + 1, b, lb + 1);
	if (!la)
		memmove(p, p + 1, lb + 1);
	return p;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool heap_less(const struct walk *w, size_t i, size_t j)
{
	return strcmp(w->heap[i].rel, w->heap[j].rel) < 0;
}

static void heap_swap(struct walk *w, size_t i, size_t j)
{
	struct pending t = w->heap[i];

	w->heap[i] = w->heap[j];
	w->heap[j] = t;
}

/* Take rel (malloc'd); -1 when out of memory (rel freed). */
static int heap_push(struct walk *w, char *rel, int depth)
{
	size_t i;

	if (kb_grow((void **)&w->heap, &w->capheap, w->nheap + 1,
		    sizeof(*w->heap)) < 0) {
		free(rel);
		return -1;
	}
	i = w->nheap++;
	w->heap[i].rel = rel;
	w->heap[i].depth = depth;
	while (i && heap_less(w, i, (i - 1) / 2)) {
		heap_swap(w, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
	return 0;
}

static struct pending heap_pop(struct walk *w)
{
	struct pending top = w->heap[0];
	size_t i = 0, c;

	w->heap[0] = w->heap[--w->nheap];
	while ((c = 2 * i + 1) < w->nheap) {
		if (c + 1 < w->nheap && heap_less(w, c + 1, c))
			c++;
		if (!heap_less(w, c, i))
			break;
		heap_swap(w, i, c);
		i = c;
	}
	return top;
}

/* Mark the directory read: false when it was already. -1 on OOM. */
static int first_visit(struct walk *w, const struct stat *st)
{
	struct { dev_t dev; ino_t ino; } id;
	char *key;
	bool added;

	memset(&id, 0, sizeof(id));
	id.dev = st->st_dev;
	id.ino = st->st_ino;
	if (kb_strmap_find(&w->seen, (const char *)&id, sizeof(id))->key)
		return 0;
	if (!(key = kb_arena_strndup(&w->keys, (const char *)&id, sizeof(id))) ||
	    !kb_strmap_put(&w->seen, key, sizeof(id), key, &added))
		return -1;
	return 1;
}

static int add_path(struct walk *w, char *sub)
{
	if (kb_grow((void **)&w->paths, &w->cap, w->n + 1,
		    sizeof(*w->paths)) < 0) {
		free(sub);
		return -1;
	}
	w->paths[w->n++] = sub;
	return 0;
}

/* One entry of directory rel: a subdirectory to read, a record file to
 * keep, or nothing.  Nothing that cannot be read is passed over. */
static int walk_entry(struct walk *w, const char *rel, int depth,
		      const char *name)
{
	char *sub = join(rel, name), *full = sub ? join(w->root, sub) : NULL;
	struct stat st;
	int rc = 0;

	if (!full) {
		free(sub);
		return kb_err(w->err, KB_ENOMEM, w->root, 0, 0, "out of memory");
	}
	if (stat(full, &st) < 0) {
		/* a symlink to nothing, not named as a record file, holds
		 * nothing to read; anything else (a directory that cannot be
		 * searched, a path longer than the system allows, a loop of
		 * symlinks) may hide records: an error */
		struct stat lst;
		int e = errno;

		if (!(e == ENOENT && !yaml_name(name) && lstat(full, &lst) == 0 &&
		      S_ISLNK(lst.st_mode)))
			rc = kb_err(w->err, KB_EIO, full, 0, 0, "cannot read: %s",
				    strerror(e));
		free(sub);
	} else if (S_ISDIR(st.st_mode)) {
		if (heap_push(w, sub, depth + 1) < 0)
			rc = kb_err(w->err, KB_ENOMEM, full, 0, 0, "out of memory");
	} else if (!yaml_name(name) || (!*rel && !strcmp(name, "schema.yaml"))) {
		free(sub);
	} else if (!S_ISREG(st.st_mode)) {
		/* named as the other errors here: with the root */
		rc = kb_err(w->err, KB_EIO, full, 0, 0, "not a regular file");
		free(sub);
	} else if (add_path(w, sub) < 0) {
		rc = kb_err(w->err, KB_ENOMEM, full, 0, 0, "out of memory");
	}
	free(full);
	return rc;
}

/* Read the directory rel, once. */
static int walk_dir(struct walk *w, const char *rel, int depth)
{
	char *dir = *rel ? join(w->root, rel) : strdup(w->root);
	struct dirent *de;
	struct stat st;
	DIR *d;
	int rc = 0;

	if (!dir)
		return kb_err(w->err, KB_ENOMEM, w->root, 0, 0, "out of memory");
	if (stat(dir, &st) < 0) {
		rc = kb_err(w->err, KB_EIO, dir, 0, 0, "cannot read: %s",
			    strerror(errno));
		goto out;
	}
	if ((rc = first_visit(w, &st)) <= 0) {	/* each directory once */
		if (rc < 0)
			rc = kb_err(w->err, KB_ENOMEM, dir, 0, 0, "out of memory");
		goto out;
	}
	rc = 0;
	if (depth > 256) {
		rc = kb_err(w->err, KB_ELIMIT, dir, 0, 0,
			    "directories nest deeper than 256 levels");
		goto out;
	}
	if (!(d = opendir(dir))) {
		rc = kb_err(w->err, KB_EIO, dir, 0, 0, "cannot read directory: %s",
			    strerror(errno));
		goto out;
	}
	while (!rc && (errno = 0, de = readdir(d)))
		if (de->d_name[0] != '.')
			rc = walk_entry(w, rel, depth, de->d_name);
	if (!rc && errno)
		rc = kb_err(w->err, KB_EIO, dir, 0, 0, "cannot read directory: %s",
			    strerror(errno));
	closedir(d);
out:
	free(dir);
	return rc;
}

/* Every record file below root, in w->paths (unsorted). */
static int walk_all(struct walk *w, const char *root)
{
	struct pending p;
	char *top = strdup("");
	int rc = 0;

	w->root = root;
	if (!top || heap_push(w, top, 0) < 0)
		return kb_err(w->err, KB_ENOMEM, root, 0, 0, "out of memory");
	while (!rc && w->nheap) {
		p = heap_pop(w);
		rc = walk_dir(w, p.rel, p.depth);
		free(p.rel);
	}
	return rc;
}

static void walk_free(struct walk *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		free(w->paths[i]);
	free(w->paths);
	for (i = 0; i < w->nheap; i++)
		free(w->heap[i].rel);
	free(w->heap);
	kb_strmap_free(&w->seen);
	kb_arena_free(&w->keys);
}

/* ---- opening -------------------------------------------------------------- */


static struct kb *kb_new(void)
{
	struct kb *kb = calloc(1, sizeof(*kb));

	if (!kb)
		return NULL;
	if (!(kb->names_lock = malloc(sizeof(*kb->names_lock))) ||
	    pthread_mutex_init(kb->names_lock, NULL)) {
		free(kb->names_lock);
		free(kb);
		return NULL;
	}
	kb->threads = 1;
	kb->id_name = kb_intern(kb, "id", 2);
	kb->kind_name = kb_intern(kb, "kind", 4);
	if (!kb->id_name || !kb->kind_name) {
		kb_free(kb);
		return NULL;
	}
	return kb;
}

void kb_free(struct kb *kb)
{
	size_t i;

	if (!kb)
		return;
	if (kb->schema)
		kb_schema_release(kb->schema);
	kb_strmap_free(&kb->names);
	free(kb->idslots);
	kb_strmap_free(&kb->exact);
	free(kb->recs);
	for (i = 0; i < kb->nfiles; i++) {
		free(kb->paths[i]);
		free(kb->shown[i]);
	}
	free(kb->paths);
	free(kb->shown);
	free(kb->mem);
	free(kb->root);
	free(kb->prefix);
	kb_arena_free(&kb->scratch);
	kb_arena_free(&kb->arena);
	kb_arena_free(&kb->names_arena);
	free(kb->namev);
	free(kb->marks.v);
	pthread_mutex_destroy(kb->names_lock);
	free(kb->names_lock);
	free(kb);
}

/* Read a whole (schema) file, of at most KB_MAX_SCHEMA bytes. */
static int slurp(const char *path, char **out, size_t *len,
		 struct kb_error *err)
{
	FILE *fp = fopen(path, "rb");
	size_t cap = 65536, n = 0, r;
	char *buf, *p;
	int rc = 0, e;

	if (!fp)
		return kb_err(err, KB_EIO, path, 0, 0, "cannot open: %s",
			      strerror(errno));
	if (!(buf = malloc(cap)))
		rc = kb_err(err, KB_ENOMEM, path, 0, 0, "out of memory");
	while (!rc && (r = fread(buf + n, 1, cap - n, fp)) > 0) {
		n += r;
		if (n > KB_MAX_SCHEMA)
			rc = kb_err(err, KB_ELIMIT, path, 0, 0,
				    "schema file is larger than %zu MiB",
				    KB_MAX_SCHEMA >> 20);
		else if (n == cap && !(p = realloc(buf, cap * 2)))
			rc = kb_err(err, KB_ENOMEM, path, 0, 0, "out of memory");
		else if (n == cap)
			buf = p, cap *= 2;
	}
	if (!rc && ferror(fp)) {
		e = errno;
		rc = kb_err(err, KB_EIO, path, 0, 0, "cannot read: %s",
			    strerror(e));
	}
	fclose(fp);
	if (rc) {
		free(buf);
		return rc;
	}
	*out = buf;
	*len = n;
	return 0;
}

static int load_schema_file(struct kb *kb, const char *path, const char *shown,
			    struct kb_error *err)
{
	char *data = NULL, *name;
	size_t len = 0;
	int rc;

	if ((rc = slurp(path, &data, &len, err)))
		return rc;
	name = kb_arena_strndup(&kb->arena, shown, strlen(shown));
	rc = name ? kb_schema_parse(kb, name, data, len, err) :
		    kb_err(err, KB_ENOMEM, path, 0, 0, "out of memory");
	free(data);
	return rc;
}

static int load_path(struct kb *kb, const char *full, const char *shown,
		     struct kb_error *err)
{
	const char *name = kb_arena_strndup(&kb->arena, shown, strlen(shown));
	struct stat st;
	FILE *fp;
	int rc;

	if (!name)
		return kb_err(err, KB_ENOMEM, shown, 0, 0, "out of memory");
	if (!(fp = fopen(full, "rb")))
		return kb_err(err, KB_EIO, shown, 0, 0, "cannot open: %s",
			      strerror(errno));
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(fp);
		return kb_err(err, KB_EIO, shown, 0, 0, "is a directory");
	}
	if (S_ISREG(st.st_mode))
		rc = kb_load_split(kb, name, fp, NULL, (size_t)st.st_size, err);
	else
		rc = kb_load_file(kb, name, fp, NULL, 0, 0, NULL, 0, 0, err);
	if (!rc && ferror(fp))
		rc = kb_err(err, KB_EIO, shown, 0, 0, "read error: %s",
			    strerror(errno));
	fclose(fp);
	return rc;
}

/* The bytes of a file held in memory: its own, or fetched now. */
static int mem_bytes(const struct kb *kb, const struct kb_memfile *f,
		     const char **data, size_t *len, struct kb_error *err)
{
	if (f->data || !kb->fetch) {
		*data = f->data ? f->data : "";
		*len = f->data ? f->len : 0;
		return 0;
	}
	return kb->fetch(f, data, len, kb->fetch_ud, err);
}

/* Read the records of every file found when the KB was opened. */
static int load_all(struct kb *kb, struct kb_error *err)
{
	const char *data;
	size_t i, len;
	int rc = 0;

	for (i = 0; i < kb->nfiles && !rc; i++)
		rc = load_path(kb, kb->paths[i], kb->shown[i], err);
	for (i = 0; i < kb->nmem && !rc; i++)
		if (!(rc = mem_bytes(kb, kb->mem[i], &data, &len, err)))
			rc = kb_load_split(kb, kb->mem[i]->name, NULL, data,
					   len, err);
	return rc;
}

/* Before a new reading of a KB's files: no id seen, no byte read. */
static void reading_afresh(struct kb *kb)
{
	kb->bytes = kb->alias_spent = 0;
	free(kb->idslots);
	kb->idslots = NULL;
	kb->idcap = kb->idcount = 0;
	kb_strmap_free(&kb->exact);
	kb->nseen = 0;
}

int kb_load(struct kb *kb, struct kb_error *err)
{
	if (!kb->stream)
		return 0;
	/* as kb_open without opts.stream would have: the id index starts
	 * empty, in its loaded form */
	kb->stream = false;
	reading_afresh(kb);
	kb->each = NULL;
	kb->each_ud = NULL;
	return load_all(kb, err);
}

int kb_stream(struct kb *kb, int (*fn)(const struct kb_record *rec, void *ud),
	      void *ud, struct kb_error *err)
{
	struct kb_view w;
	size_t i;
	int rc = 0;

	if (!kb->stream) {	/* loaded whole: each record decoded in turn */
		memset(&w, 0, sizeof(w));
		for (i = 0; i < kb->nrecs && !rc; i++) {
			if (kb_view_decode(kb, kb->recs[i], &w) < 0)
				rc = kb_err(err, KB_ENOMEM, kb->recs[i]->file, 0,
					    0, "out of memory");
			else
				rc = fn(&w.rec, ud);
		}
		kb_view_free(&w);
		return rc;
	}
	reading_afresh(kb);	/* a second reading too */
	kb->each = fn;
	kb->each_ud = ud;
	return load_all(kb, err);
}

int kb_open(struct kb **out, const char *path, const struct kb_open_opts *opts,
	    struct kb_error *err)
{
	struct walk w;
	struct stat st;
	struct kb *kb;
	char *prefix = NULL;
	size_t i, plen;
	int rc = 0;

	*out = NULL;
	if (stat(path, &st) < 0)
		return kb_err(err, KB_EIO, path, 0, 0, "cannot read: %s",
			      strerror(errno));
	if (!(kb = kb_new()))
		return kb_err(err, KB_ENOMEM, path, 0, 0, "out of memory");
	if (!(kb->root = strdup(path))) {
		kb_free(kb);
		return kb_err(err, KB_ENOMEM, path, 0, 0, "out of memory");
	}
	kb->root_dir = S_ISDIR(st.st_mode);
	kb->stream = opts && opts->stream;
	kb->threads = opts ? opts->threads : 0;	/* 0: kb_threads() asks */
	if (!S_ISDIR(st.st_mode)) {
		/* a pipe cannot be read again to confirm a duplicate id: keep
		 * ids whole (a directory's files are all regular, walk_dir) */
		kb->exact_ids = !S_ISREG(st.st_mode);
		if (opts && opts->schema)
			rc = load_schema_file(kb, opts->schema, opts->schema, err);
		if (!rc) {
			kb->paths = calloc(1, sizeof(char *));
			kb->shown = calloc(1, sizeof(char *));
			if (kb->paths && kb->shown) {
				kb->nfiles = 1;
				kb->paths[0] = strdup(path);
				kb->shown[0] = strdup(opts && opts->display ?
						      opts->display : path);
			}
			if (!kb->paths || !kb->shown || !kb->paths[0] ||
			    !kb->shown[0])
				rc = kb_err(err, KB_ENOMEM, path, 0, 0,
					    "out of memory");
		}
		if (!rc && !kb->stream)
			rc = load_all(kb, err);
		goto done;
	}
	/* Names shown: the KB path as given, then the relative path. */
	plen = strlen(path);
	while (plen > 1 && path[plen - 1] == '/')
		plen--;
	if (opts && opts->display)
		prefix = strdup(opts->display);
	else if (plen == 1 && path[0] == '.')
		prefix = strdup("");
	else if ((prefix = malloc(plen + 2))) {
		memcpy(prefix, path, plen);
		if (path[plen - 1] != '/')
			prefix[plen++] = '/';
		prefix[plen] = '\0';
	}
	if (!prefix) {
		kb_free(kb);
		return kb_err(err, KB_ENOMEM, path, 0, 0, "out of memory");
	}
	kb->prefix = prefix;	/* kb_free frees it */
	if (opts && opts->schema) {
		rc = load_schema_file(kb, opts->schema, opts->schema, err);
	} else {
		/* prefix ends in '/' (or is display, used as given): append */
		char *sp = join(path, "schema.yaml"),
		     *shown = malloc(strlen(prefix) + sizeof("schema.yaml"));
		if (shown) {
			strcpy(shown, prefix);
			strcat(shown, "schema.yaml");
		}
		if (!sp || !shown)
			rc = kb_err(err, KB_ENOMEM, path, 0, 0, "out of memory");
		else if (stat(sp, &st) == 0 && !S_ISREG(st.st_mode) &&
			 !S_ISDIR(st.st_mode))
			/* a FIFO would block the open for ever */
			rc = kb_err(err, KB_EIO, *prefix ? shown : "schema.yaml",
				    0, 0, "not a regular file");
		else if (stat(sp, &st) == 0)
			rc = load_schema_file(kb, sp, *prefix ? shown : "schema.yaml",
					      err);
		free(sp);
		free(shown);
	}
	memset(&w, 0, sizeof(w));
	w.err = err;
	if (!rc)
		rc = walk_all(&w, path);
	if (!rc && w.n)	/* an empty KB has no array: qsort(NULL) is undefined */
		qsort(w.paths, w.n, sizeof(*w.paths), cmp_str);
	if (!rc) {
		kb->paths = calloc(w.n ? w.n : 1, sizeof(char *));
		kb->shown = calloc(w.n ? w.n : 1, sizeof(char *));
		if (!kb->paths || !kb->shown)
			rc = kb_err(err, KB_ENOMEM, path, 0, 0, "out of memory");
	}
	for (i = 0; i < w.n && !rc; i++) {
		kb->paths[i] = join(path, w.paths[i]);
		kb->shown[i] = malloc(strlen(prefix) + strlen(w.paths[i]) + 1);
		kb->nfiles++;
		if (!kb->paths[i] || !kb->shown[i]) {
			rc = kb_err(err, KB_ENOMEM, path, 0, 0, "out of memory");
			break;
		}
		strcpy(kb->shown[i], prefix);
		strcat(kb->shown[i], w.paths[i]);
	}
	walk_free(&w);
	if (!rc && !kb->stream)
		rc = load_all(kb, err);
done:
	if (rc) {
		kb_free(kb);
		return rc;
	}
	*out = kb;
	return 0;
}

static int cmp_mem(const void *a, const void *b)
{
	return strcmp((*(const struct kb_memfile *const *)a)->name,
		      (*(const struct kb_memfile *const *)b)->name);
}

int kb_open_mem(struct kb **out, const struct kb_memfile *files, size_t n,
		const struct kb_open_opts *opts, struct kb_error *err)
{
	const struct kb_memfile **order;
	size_t i, pre = 0;
	struct kb *kb;
	int rc = 0;

	*out = NULL;
	if (!(kb = kb_new()))
		return kb_err(err, KB_ENOMEM, NULL, 0, 0, "out of memory");
	order = malloc((n ? n : 1) * sizeof(*order));
	if (!order) {
		kb_free(kb);
		return kb_err(err, KB_ENOMEM, NULL, 0, 0, "out of memory");
	}
	/* The root: display when given (a KB read from elsewhere, whose
	 * files may all lie in one subdirectory), else the common directory
	 * prefix of all names. */
	if (opts && opts->display) {
		pre = strlen(opts->display);
		for (i = 0; i < n; i++)
			if (strncmp(files[i].name, opts->display, pre)) {
				kb_free(kb);
				free(order);
				return kb_err(err, KB_EUSAGE, files[i].name, 0, 0,
					      "file name does not start with "
					      "the KB's root '%s'", opts->display);
			}
	} else if (n) {
		const char *slash = strrchr(files[0].name, '/');
		pre = slash ? (size_t)(slash - files[0].name) + 1 : 0;
		for (i = 1; i < n; i++)
			while (pre && (strncmp(files[i].name, files[0].name, pre) ||
				       files[0].name[pre - 1] != '/'))
				pre--;
	}
	for (i = 0; i < n; i++)
		order[i] = &files[i];
	qsort(order, n, sizeof(*order), cmp_mem);
	if (opts) {
		kb->fetch = opts->fetch;
		kb->fetch_ud = opts->fetch_ud;
	}
	if (opts && opts->schema)
		rc = load_schema_file(kb, opts->schema, opts->schema, err);
	for (i = 0; i < n && !rc && !(opts && opts->schema); i++) {
		const char *data;
		size_t len;

		if (strcmp(order[i]->name + pre, "schema.yaml"))
			continue;
		if (!(rc = mem_bytes(kb, order[i], &data, &len, err)))
			rc = kb_schema_parse(kb, order[i]->name, data, len, err);
	}
	/* Keep the record files, in order; the schema is read already. */
	for (i = 0; i < n && !rc; i++) {
		if (!strcmp(order[i]->name + pre, "schema.yaml"))
			continue;
		order[kb->nmem++] = order[i];
	}
	kb->mem = order;
	kb->mempre = pre;
	order = NULL;
	kb->stream = opts && opts->stream;
	kb->threads = opts ? opts->threads : 0;	/* 0: kb_threads() asks */
	if (!rc && !kb->stream)
		rc = load_all(kb, err);
	free(order);
	if (rc) {
		kb_free(kb);
		return rc;
	}
	*out = kb;
	return 0;
}
