/*
 * par.c - one large file read by several threads.
 *
 * The file is cut into units of about KB_PAR_UNIT bytes, each starting at
 * a line that begins a top-level list element ("- " at column 0).  Worker
 * threads parse units ahead, each into its own arena; the calling thread
 * takes their records in file order, numbers them, indexes their ids and
 * hands them to the stream callback (then reuses the unit's memory) or
 * keeps them (and the unit's arena with them).
 *
 * A cut is only trusted when the unit before it says so: it parsed
 * cleanly and its input ended inside a block sequence at column 0, at the
 * start of a line (kb_unit_end).  A reading of the whole file would be at
 * that very point between two elements of that sequence, so the unit after
 * the cut, parsed on its own, yields what it would.  Whatever a unit cannot
 * decide alone (an alias, which may name an earlier unit's anchor; a merge
 * key; any error, a duplicate id included) sends the file back to
 * kb_load_file() to be read in order from its start, passing over the
 * records already handed on.  The records, their positions and the errors
 * are always those of a reading by one thread.
 *
 * The file may change while it is read.  Its records handed on are
 * summed up in a running digest (content and positions, kb_record_digest),
 * which the reading in order must find again in the records it passes
 * over, else the file changed between the two readings: an error, never
 * records of two versions spliced together.  Before a unit is handed on,
 * the file's size, times and inode are checked: when they moved, the
 * unit may hold bytes of another version, and the file is read again in
 * order the same way, even when every unit parsed.
 */
#include "kb-int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct kb_unit {
	size_t k;		/* the unit's number in the file */
	size_t off, len;	/* its bytes */
	bool last;		/* the file's last unit */
	bool done;		/* parsed, waiting to be taken */
	int rc;			/* 0, or why the file must be read in order */
	size_t lines;		/* line breaks in it, as libyaml counts them */
	void **recs;		/* struct kb_record * when streaming, else
				 * struct kb_crec * */
	uint64_t *digests;	/* each record's kb_record_digest() */
	size_t nrecs, caprecs, capdigests;
	struct kb_arena arena;	/* scratch: the records' structs */
	struct kb_arena keep;	/* compact records, for a KB loaded whole */
	char *buf;		/* the bytes, read from a file */
	size_t bufcap;
	struct kb_marks marks;	/* one worker at a time parses in a slot */
};

struct par {
	struct kb *kb;
	const char *name;
	int fd;			/* a regular file, or -1 */
	const char *data;	/* or the bytes in memory */
	size_t size;
	size_t *cuts;		/* unit k is [cuts[k], cuts[k + 1]) */
	size_t nunits;
	struct kb_unit *slots;	/* unit k is parsed in slots[k % nslots] */
	size_t nslots;
	pthread_mutex_t lock;
	pthread_cond_t ready;	/* a unit was parsed */
	pthread_cond_t room;	/* a slot was freed, or stop */
	size_t next;		/* the next unit a worker takes */
	size_t taken;		/* units handed on: slots free up to here */
	bool stop;
};

int kb_unit_add(struct kb_unit *u, void *rec, uint64_t digest)
{
	if (kb_grow((void **)&u->recs, &u->caprecs, u->nrecs + 1,
		    sizeof(*u->recs)) < 0 ||
	    kb_grow((void **)&u->digests, &u->capdigests, u->nrecs + 1,
		    sizeof(*u->digests)) < 0)
		return -1;
	u->digests[u->nrecs] = digest;
	u->recs[u->nrecs++] = rec;
	return 0;
}

struct kb_arena *kb_unit_arena(struct kb_unit *u)
{
	return &u->arena;
}

struct kb_arena *kb_unit_keep(struct kb_unit *u)
{
	return &u->keep;
}

struct kb_marks *kb_unit_marks(struct kb_unit *u)
{
	return &u->marks;
}

bool kb_unit_end(struct kb_unit *u, bool open, size_t line, size_t col)
{
	u->lines = line;
	return u->last || (open && col == 0);
}

/* ---- cutting ---------------------------------------------------------------- */

#define WINDOW 4096

/* Bytes [off, off + n) of the input into buf; the count read. */
static size_t input_at(const struct par *p, size_t off, char *buf, size_t n)
{
	size_t got = 0;
	ssize_t r;

	if (off >= p->size)
		return 0;
	if (n > p->size - off)
		n = p->size - off;
	if (p->data) {
		memcpy(buf, p->data + off, n);
		return n;
	}
	while (got < n) {
		r = pread(p->fd, buf + got, n - got, (off_t)(off + got));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	return got;
}

static bool blank_or_break(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The first cut at or after `from`: the offset of a '-' that starts a line
 * and is followed by a blank or a line break.  0 when there is none. */
static size_t find_cut(const struct par *p, size_t from)
{
	char buf[WINDOW];
	size_t pos = from - 1, n, i;	/* from >= 1: see the '\n' before */

	for (;;) {
		n = input_at(p, pos, buf, sizeof(buf));
		if (n < 3)
			return 0;
		for (i = 0; i + 2 < n; i++)
			if (buf[i] == '\n' && buf[i + 1] == '-' &&
			    blank_or_break(buf[i + 2]))
				return pos + i + 1;
		pos += n - 2;	/* a cut may straddle two windows */
	}
}

/* The cuts, about KB_PAR_UNIT apart; false when the file is one unit. */
static bool plan(struct par *p)
{
	size_t cap = p->size / KB_PAR_UNIT + 2, n = 0, t = KB_PAR_UNIT, c;
	unsigned char head[2];

	/* libyaml reads UTF-16 when a BOM says so: leave those whole */
	if (input_at(p, 0, (char *)head, 2) == 2 &&
	    ((head[0] == 0xFE && head[1] == 0xFF) ||
	     (head[0] == 0xFF && head[1] == 0xFE)))
		return false;
	if (!(p->cuts = malloc(cap * sizeof(*p->cuts))))
		return false;
	p->cuts[n++] = 0;
	while (t < p->size && n + 1 < cap) {
		if (!(c = find_cut(p, t)))
			break;
		p->cuts[n++] = c;
		t = c + KB_PAR_UNIT;
	}
	p->cuts[n] = p->size;
	p->nunits = n;
	return n > 1;
}

/* ---- the workers ------------------------------------------------------------ */

static void parse_unit(struct par *p, struct kb_unit *u)
{
	struct kb_error err = { 0 };
	const char *in;

	u->off = p->cuts[u->k];
	u->len = p->cuts[u->k + 1] - u->off;
	u->last = u->k + 1 == p->nunits;
	u->nrecs = 0;
	u->lines = 0;
	if (p->data) {
		in = p->data + u->off;
	} else {
		if (u->bufcap < u->len) {
			free(u->buf);
			if (!(u->buf = malloc(u->len))) {
				u->bufcap = 0;
				u->rc = KB_ENOMEM;
				return;
			}
			u->bufcap = u->len;
		}
		if (input_at(p, u->off, u->buf, u->len) != u->len) {
			u->rc = KB_EIO;	/* the reading in order says why */
			return;
		}
		in = u->buf;
	}
	/* the reading in order reports what went wrong */
	if ((u->rc = kb_load_file(p->kb, p->name, NULL, in, u->len, p->size, u,
				  0, 0, &err)))
		kb_error_free(&err);
}

static void *worker(void *arg)
{
	struct par *p = arg;
	struct kb_unit *u;

	for (;;) {
		pthread_mutex_lock(&p->lock);
		while (!p->stop && p->next < p->nunits &&
		       p->next >= p->taken + p->nslots)
			pthread_cond_wait(&p->room, &p->lock);
		if (p->stop || p->next >= p->nunits) {
			pthread_mutex_unlock(&p->lock);
			return NULL;
		}
		u = &p->slots[p->next % p->nslots];
		u->k = p->next++;
		pthread_mutex_unlock(&p->lock);

		parse_unit(p, u);

		pthread_mutex_lock(&p->lock);
		u->done = true;
		pthread_cond_broadcast(&p->ready);
		pthread_mutex_unlock(&p->lock);
	}
}

/* ---- handing the records on --------------------------------------------------- */

/* Positions in a unit count from its start: make them the file's. */
static void shift_lines(struct kb_record *rec, size_t by)
{
	struct kb_field *f = kb_unconst(rec->fields);
	struct kb_value *v;
	uint32_t i, j;

	rec->line += (uint32_t)by;
	for (i = 0; i < rec->nfields; i++) {
		f[i].line += (uint32_t)by;
		v = kb_unconst(f[i].values);
		for (j = 0; j < f[i].count; j++)
			v[j].line += (uint32_t)by;
	}
}

enum { HANDED, REREAD };


/*
 * Number, index and hand on (or keep) a unit's records.  *rc is set, and
 * HANDED returned, when the stream callback stopped or memory ran out;
 * REREAD when the file must be read in order from here (a duplicate id,
 * the record limit): that reading reports it as it always does.
 */
static int hand_on(struct par *p, struct kb_unit *u, size_t line,
		   size_t *handed, uint64_t *chain, int *rc,
		   struct kb_error *err)
{
	struct kb *kb = p->kb;
	struct kb_record *rec = NULL;
	struct kb_crec *c = NULL;
	size_t i;
	bool dup;
	int how = HANDED;

	*rc = 0;
	for (i = 0; i < u->nrecs && !*rc; i++) {
		if (kb->stream)
			rec = u->recs[i];
		else
			c = u->recs[i];
		if (kb->nseen >= KB_MAX_RECORDS) {
			how = REREAD;
			break;
		}
		if (line && rec)
			shift_lines(rec, line);
		else if (line)	/* the rest counts from the record's line */
			c->line += (uint32_t)line;
		if (c)	/* the index keeps the record's number */
			c->index = (uint32_t)kb->nseen;
		if (kb_index_add(kb, rec, c, &dup) < 0) {
			*rc = kb_err(err, KB_ENOMEM, p->name, 0, 0,
				     "out of memory");
			break;
		}
		if (dup) {
			how = REREAD;
			break;
		}
		if (c && kb_grow((void **)&kb->recs, &kb->caprecs,
				 kb->nrecs + 1, sizeof(*kb->recs)) < 0) {
			*rc = kb_err(err, KB_ENOMEM, p->name, 0, 0,
				     "out of memory");
			break;
		}
		if (c)
			kb->recs[kb->nrecs++] = c;
		if (rec)
			rec->index = kb->nseen++;
		else
			c->index = (uint32_t)kb->nseen++;
		++*handed;
		*chain = kb_digest_chain(*chain, u->digests[i],
					 rec ? rec->line : c->line);
		if (rec)
			*rc = kb->each(rec, kb->each_ud);
	}
	kb_arena_reset(&u->arena);
	/* the records kept so far live in the unit's keep arena */
	kb_arena_adopt(&kb->arena, &u->keep);
	return how;
}

/* kb->threads, or one per CPU online, asked the first time a file is large
 * enough to cut (a small KB never asks). */
static unsigned kb_threads(struct kb *kb)
{
	long n;

	if (!kb->threads) {
		n = sysconf(_SC_NPROCESSORS_ONLN);
		kb->threads = n < 1 ? 1 : n > KB_MAX_THREADS ? KB_MAX_THREADS :
			      (unsigned)n;
	} else if (kb->threads > KB_MAX_THREADS) {
		kb->threads = KB_MAX_THREADS;
	}
	return kb->threads;
}

/* The file has more bytes than when it was measured: one thread reading
 * it in order would read them too. */
static bool grew(const struct par *p)
{
	char c;
	ssize_t r;

	if (p->fd < 0)
		return false;
	while ((r = pread(p->fd, &c, 1, (off_t)p->size)) < 0 && errno == EINTR)
		;
	return r != 0;
}

/* The file read in order by this thread, the first `skip` records (whose
 * digest is `chain`) passed over. */
static int in_order(struct kb *kb, const char *name, FILE *fp,
		    const char *data, size_t len, size_t skip, uint64_t chain,
		    struct kb_error *err)
{
	if (fp) {
		if (fseek(fp, 0, SEEK_SET) != 0)
			return kb_err(err, KB_EIO, name, 0, 0, "cannot seek: %s",
				      strerror(errno));
		return kb_load_file(kb, name, fp, NULL, 0, len, NULL, skip,
				    chain, err);
	}
	return kb_load_file(kb, name, NULL, data, len, len, NULL, skip, chain,
			    err);
}

#ifdef KB_TEST_HOOKS
void (*kb_test_par_read)(const char *name);
#endif

/* Size, time of change and inode of the file: a change of any means the
 * file was written while its units were read. */
static bool same_file(const struct par *p, const struct stat *before)
{
	struct stat now;

	if (p->fd < 0)
		return true;
	return fstat(p->fd, &now) == 0 && now.st_size == before->st_size &&
	       now.st_ino == before->st_ino &&
	       now.st_mtim.tv_sec == before->st_mtim.tv_sec &&
	       now.st_mtim.tv_nsec == before->st_mtim.tv_nsec &&
	       now.st_ctim.tv_sec == before->st_ctim.tv_sec &&
	       now.st_ctim.tv_nsec == before->st_ctim.tv_nsec;
}

static int split(struct kb *kb, const char *name, void *fp, const char *data,
		 size_t len, struct kb_error *err)
{
	struct par p;
	pthread_t tid[KB_MAX_THREADS];
	size_t nthreads = 0, k, handed = 0, line = 0, i;
	uint64_t chain = 0;
	struct stat st;
	bool reread = false;
	int rc = 0;

	if (len < 2 * KB_PAR_UNIT || kb_threads(kb) < 2)
		return in_order(kb, name, fp, data, len, 0, 0, err);
	memset(&p, 0, sizeof(p));
	p.kb = kb;
	p.name = name;
	p.fd = fp ? fileno(fp) : -1;
	if (p.fd >= 0 && fstat(p.fd, &st) != 0)
		return in_order(kb, name, fp, data, len, 0, 0, err);
	p.data = fp ? NULL : data;
	p.size = len;
	if (!plan(&p)) {
		free(p.cuts);
		return in_order(kb, name, fp, data, len, 0, 0, err);
	}
	/* two units a thread in flight: one parsed, one being parsed */
	p.nslots = 2 * (size_t)kb->threads;
	if (p.nslots > p.nunits)
		p.nslots = p.nunits;
	if (!(p.slots = calloc(p.nslots, sizeof(*p.slots)))) {
		free(p.cuts);
		return in_order(kb, name, fp, data, len, 0, 0, err);
	}
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.ready, NULL);
	pthread_cond_init(&p.room, NULL);
	while (nthreads < kb->threads && nthreads < p.nunits &&
	       !pthread_create(&tid[nthreads], NULL, worker, &p))
		nthreads++;
	if (!nthreads)
		reread = true;

	for (k = 0; k < p.nunits && !reread && !rc; k++) {
		struct kb_unit *u = &p.slots[k % p.nslots];

		pthread_mutex_lock(&p.lock);
		while (!u->done || u->k != k)
			pthread_cond_wait(&p.ready, &p.lock);
		pthread_mutex_unlock(&p.lock);
		/* the file written since its units were read (or grown at
		 * the end): none of them is handed on unchecked */
		if (u->rc || (u->last && grew(&p)) || !same_file(&p, &st)) {
			reread = true;
			break;
		}
		if (hand_on(&p, u, line, &handed, &chain, &rc, err) == REREAD) {
			reread = true;
			break;
		}
		line += u->lines;
		kb->par_units++;
#ifdef KB_TEST_HOOKS
		if (!k && kb_test_par_read)
			kb_test_par_read(name);
#endif
		pthread_mutex_lock(&p.lock);
		u->done = false;
		p.taken++;
		pthread_cond_broadcast(&p.room);
		pthread_mutex_unlock(&p.lock);
	}

	pthread_mutex_lock(&p.lock);
	p.stop = true;
	pthread_cond_broadcast(&p.room);
	pthread_mutex_unlock(&p.lock);
	for (i = 0; i < nthreads; i++)
		pthread_join(tid[i], NULL);
	for (i = 0; i < p.nslots; i++) {
		kb_arena_free(&p.slots[i].arena);
		kb_arena_free(&p.slots[i].keep);
		free(p.slots[i].marks.v);
		free(p.slots[i].recs);
		free(p.slots[i].digests);
		free(p.slots[i].buf);
	}
	free(p.slots);
	free(p.cuts);
	pthread_cond_destroy(&p.room);
	pthread_cond_destroy(&p.ready);
	pthread_mutex_destroy(&p.lock);
	if (reread)
		kb->par_rereads++;
	if (reread && !rc)
		rc = in_order(kb, name, fp, data, len, handed, chain, err);
	return rc;
}

int kb_load_split(struct kb *kb, const char *name, void *fp, const char *data,
		  size_t len, struct kb_error *err)
{
	int rc = split(kb, name, fp, data, len, err);

	kb->bytes += len;
	return rc;
}
