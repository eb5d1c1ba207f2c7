/*
 * test-par.c - one file read by several threads (lib/par.c) gives what one
 * thread gives: the same records in the same order, at the same positions,
 * with the same index, and the same error (code, file, line, col,
 * message).  A differential test: every input is loaded
 *
 *   from memory (kb_open_mem) and from a file (kb_open)
 *   whole, and streamed (kb_stream), also with a callback that stops
 *   with 1, 2 and 3 threads
 *
 * and the canonical dumps (kbdump.c) must be byte-identical.  Linked with
 * kb_tinyunits, the library compiled with KB_PAR_UNIT=64, so that every
 * input of 128 bytes or more is cut into units of about 64 bytes.  The
 * counters of struct kb (kb-int.h) prove that the parallel path was taken
 * where it must be (par_units > 0, no reread) and given up where it must
 * be (an alias, a merge, an error: par_rereads > 0).
 *
 *   test-par [YAML-TEST-SUITE-DIR [CLI-DATA-DIR]]
 *
 * Without the suite the suite's test is skipped; the rest always runs.
 *
 * The tests: hand_written (tricky cases, each with what one thread gives
 * and the path threads must take), reader_errors_streamed (a reader error
 * after the first unit: the one difference kb.h allows), generated (a
 * few thousand records; then an alias, a duplicate id or key, a syntax
 * error), several_files (a directory of three cut files), cli_data (every
 * .yaml/.yml of tests/data/cli), yaml_suite (every in.yaml of the suite).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "kb-int.h"
#include "kbdump.h"
#include "readfile.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

_Static_assert(KB_PAR_UNIT == 64,
	       "test-par is built with kb_tinyunits' KB_PAR_UNIT=64");

static const char *suite_dir;
static const char *cli_dir;
static char *tmpdir;
static size_t failures;

#define SHOWN "kb/in.yaml"

/* Report a failure and go on, so that one run shows them all. */
#define bad(...) do { \
	print_error(__VA_ARGS__); \
	print_error("\n"); \
	failures++; \
} while (0)

/* ---- what one input gave -------------------------------------------------- */

/* What the parallel path did, over every load with 2 or 3 threads. */
struct verdict {
	int rc;			/* one thread, whole, from memory */
	size_t records;		/* records streamed by one thread */
	size_t loads;		/* loads with threads > 1 whose KB survived */
	size_t par_loads;	/* ... with par_units >= 2 and no reread */
	size_t reread_loads;	/* ... with par_rereads > 0 */
	size_t units;		/* par_units summed */
	size_t reader_prefix;	/* streams that differed as kb.h allows */
};

static void write_file(const char *path, const char *data, size_t len)
{
	FILE *fp = fopen(path, "wb");

	if (!fp || fwrite(data, 1, len, fp) != len || fclose(fp) != 0)
		fail_msg("cannot write %s: %s", path, strerror(errno));
}

/* A KB twice: as files in memory, and on disk at `path` (a file or a
 * directory) shown as `display`, so that both name their files alike. */
struct input {
	const struct kb_memfile *files;
	size_t nfiles;
	const char *path;
	const char *display;
};

/* One load: whole or streamed (stop_at as kbdump_stream), from memory or
 * from disk, with `threads`; its dump into d.  The counters are read from
 * the KB when it survives (always when streaming). */
/* The error of the last load(). */
static struct kb_error last_err;

static int load(struct kbdump *d, const struct input *in, bool disk,
		bool stream, size_t stop_at, unsigned threads,
		struct verdict *v, size_t *streamed)
{
	struct kb_open_opts opts;
	struct kb_error err;
	struct kb *kb = NULL;
	int rc;

	memset(&opts, 0, sizeof(opts));
	memset(&err, 0, sizeof(err));
	opts.threads = threads;
	opts.stream = stream;
	opts.display = in->display;
	kbdump_reset(d);
	kbdump_printf(d, "%s\n", stream ? "streamed" : "whole");
	rc = disk ? kb_open(&kb, in->path, &opts, &err) :
		    kb_open_mem(&kb, in->files, in->nfiles, &opts, &err);
	if (stream && !rc)
		rc = kbdump_stream(d, kb, stop_at, streamed, &err);
	else
		kbdump_result(d, rc, &err);
	if (!stream && !rc) {
		/* every record, decoded for good; then decoded in passing
		 * (kb_stream over a KB loaded whole) */
		kbdump_kb(d, kb);
		kbdump_stream(d, kb, 0, NULL, &err);
	}
	if (kb) {
		if (threads == 1 && (kb->par_units || kb->par_rereads))
			bad("one thread, yet par_units %zu par_rereads %zu",
			    kb->par_units, kb->par_rereads);
		if (threads > 1 && v) {
			v->loads++;
			v->units += kb->par_units;
			if (kb->par_units >= 2 && !kb->par_rereads)
				v->par_loads++;
			if (kb->par_rereads)
				v->reread_loads++;
		}
	}
	kb_free(kb);
	kb_error_free(&last_err);	/* the one before: nobody took it */
	last_err = err;
	return rc;
}

/* last_err, which the caller now owns (kb_error_free). */
static struct kb_error take_last(void)
{
	struct kb_error e = last_err;

	memset(&last_err, 0, sizeof(last_err));
	return e;
}

static bool same(const char *label, const char *what, const struct kbdump *a,
		 const struct kbdump *b)
{
	char diff[6000];

	if (a->len == b->len && !memcmp(a->s, b->s, a->len))
		return true;
	kbdump_diff(a->s, b->s, diff, sizeof(diff));
	bad("%s: %s differs from one thread from memory\n%s", label, what,
	    diff);
	return false;
}

/*
 * Every way of loading one KB, compared with one thread from memory.  The
 * verdict tells what the parallel path did.
 */
static struct verdict check_input(const char *label, const struct input *in)
{
	static const unsigned threads[] = { 1, 2, 3 };
	struct kbdump base, other;
	struct verdict v;
	size_t n = 0, stops[3], i, t, s;
	char what[128];
	int f, mode;

	memset(&v, 0, sizeof(v));
	kbdump_init(&base);
	kbdump_init(&other);
	for (mode = 0; mode < 2; mode++) {
		bool stream = mode == 1;
		int rc = load(&base, in, false, stream, 0, 1, NULL, &n), orc;
		struct kb_error berr = take_last();

		if (!stream)
			v.rc = rc;
		else
			v.records = n;
		for (f = 0; f < 2; f++) {
			for (t = 0; t < 3; t++) {
				if (!f && t == 0)
					continue;
				orc = load(&other, in, f, stream, 0, threads[t],
					   &v, NULL);
				snprintf(what, sizeof(what), "%s %s, %u thread%s",
					 stream ? "streamed" : "whole",
					 f ? "from disk" : "from memory",
					 threads[t], threads[t] > 1 ? "s" : "");
				if (stream && kbdump_reader_prefix(&base, rc, &berr,
								   &other, orc,
								   &last_err)) {
					v.reader_prefix++;
					continue;
				}
				same(label, what, &base, &other);
			}
		}
		kb_error_free(&berr);
	}
	/* a callback that stops at the first, a middle and the last record */
	stops[0] = 1;
	stops[1] = (v.records + 1) / 2;
	stops[2] = v.records;
	for (s = 0; s < 3 && v.records; s++) {
		if (s && stops[s] == stops[s - 1])
			continue;
		int brc = load(&base, in, false, true, stops[s], 1, NULL, NULL);
		struct kb_error berr = take_last();

		for (i = 0; i < 4; i++) {
			f = (int)(i & 1);
			t = i < 2 ? 1 : 2;
			int orc = load(&other, in, f, true, stops[s],
				       threads[t], NULL, NULL);
			snprintf(what, sizeof(what),
				 "stream stopped at %zu, %s, %u threads",
				 stops[s], f ? "from disk" : "from memory",
				 threads[t]);
			if (kbdump_reader_prefix(&base, brc, &berr, &other, orc,
						 &last_err))
				continue;
			same(label, what, &base, &other);
		}
		kb_error_free(&berr);
	}
	kbdump_free(&base);
	kbdump_free(&other);
	return v;
}

/* One file's bytes as a single-file KB. */
static struct verdict check(const char *label, const char *data, size_t len)
{
	struct kb_memfile mf = { SHOWN, data, len };
	char path[4200];
	struct input in;

	snprintf(path, sizeof(path), "%s/in.yaml", tmpdir);
	write_file(path, data, len);
	in.files = &mf;
	in.nfiles = 1;
	in.path = path;
	in.display = SHOWN;
	return check_input(label, &in);
}

/* ---- the hand-written inputs ---------------------------------------------------- */

enum expect {
	ANY,		/* no claim on the path taken */
	PAR,		/* every load with threads took the parallel path */
	REREAD,		/* every load with threads read the file again */
	WHOLE,		/* never cut: neither counter moves */
};

struct hcase {
	const char *name;
	const char *text;
	size_t len;		/* 0: strlen(text) */
	int rc;			/* what one thread gives */
	enum expect expect;
	size_t records;		/* streamed by one thread */
};

/* Records padded past 64 bytes each, so that every one starts a unit. */
#define PLAIN_RECORDS \
	"- id: p1\n" \
	"  kind: plain\n" \
	"  name: the first record of a plain list of records\n" \
	"- id: p2\n" \
	"  kind: plain\n" \
	"  name: the second record, with a list\n" \
	"  tags:\n" \
	"    - alpha\n" \
	"    - beta\n" \
	"- id: p3\n" \
	"  kind: plain\n" \
	"  name: the third record, a flow list\n" \
	"  tags: [gamma, delta]\n" \
	"- id: p4\n" \
	"  kind: plain\n" \
	"  name: the fourth and last record of the list\n"

static const struct hcase hcases[] = {
	{ "plain", PLAIN_RECORDS, 0, 0, PAR, 4 },
	{ "plain, no final newline",
	  "- id: nn1\n  kind: plain\n  name: a record padded to be longer than a unit\n"
	  "- id: nn2\n  kind: plain\n  name: a record padded to be longer than a unit\n"
	  "- id: nn3\n  kind: plain\n  name: the last line has no line break at all",
	  0, 0, PAR, 3 },
	{ "comments between records",
	  "# A KB with comments between its records.\n"
	  "- id: c1\n"
	  "  kind: actor   # a trailing comment\n"
	  "  name: First record, with comments around\n"
	  "# a comment at column 0 between records\n"
	  "#- id: not-a-record\n"
	  "- id: c2\n"
	  "  kind: actor\n"
	  "  name: Second record\n"
	  "  # an indented comment\n"
	  "  tags: [a, b]\n"
	  "\n"
	  "# blank lines and a comment\n"
	  "\n"
	  "- id: c3\n"
	  "  kind: event\n"
	  "  name: Third\n"
	  "  tags:\n"
	  "    - x   # a comment after an element\n"
	  "    - y\n"
	  "# the last comment before the last record\n"
	  "- id: c4\n"
	  "  kind: event\n"
	  "  name: Fourth record, the last one of the file\n"
	  "# and a comment at the very end\n",
	  0, 0, PAR, 4 },
	{ "comments only in the first unit",
	  "# A first unit of nothing but comments: no document has begun when\n"
	  "# it ends, so the next unit may start the list.\n"
	  "#\n"
	  "- id: fc1\n  kind: plain\n  name: the first record, after the comments\n"
	  "- id: fc2\n  kind: plain\n  name: the second record, after the comments\n",
	  0, 0, PAR, 2 },
	{ "block scalars with record-like lines inside",
	  "- id: b1\n"
	  "  kind: note\n"
	  "  text: |\n"
	  "    a literal block\n"
	  "    - id: fake1\n"
	  "      kind: fake\n"
	  "    end\n"
	  "- id: b2\n"
	  "  kind: note\n"
	  "  text: >\n"
	  "    folded\n"
	  "    - id: fake2\n"
	  "    more folded text\n"
	  "\n"
	  "    after an empty line\n"
	  "- id: b3\n"
	  "  kind: note\n"
	  "  text: |2\n"
	  "      indented by the indicator\n"
	  "    - id: fake3\n"
	  "- id: b4\n"
	  "  kind: note\n"
	  "  text: |+\n"
	  "    kept trailing breaks, up to the next record\n"
	  "\n"
	  "\n"
	  "- id: b5\n"
	  "  kind: note\n"
	  "  text: >-\n"
	  "    stripped\n"
	  "    - id: fake5\n"
	  "- id: b6\n"
	  "  kind: note\n"
	  "  text: |-\n"
	  "    the last block of the file\n",
	  0, 0, PAR, 6 },
	{ "double-quoted scalar going on at column 0 with '- '",
	  "- id: q1\n"
	  "  kind: quote\n"
	  "  name: plain name for the first quoted record here\n"
	  "  text: \"a double-quoted scalar whose next line starts the line\n"
	  "- id: fake-in-quotes\n"
	  "  kind: fake\n"
	  "- and goes on \\\n"
	  "- escaped break\"\n"
	  "- id: q2\n"
	  "  kind: quote\n"
	  "  name: the record after the quoted scalar, long enough\n",
	  0, 0, REREAD, 2 },
	{ "single-quoted scalar going on at column 0 with '- '",
	  "- id: s1\n"
	  "  kind: quote\n"
	  "  name: plain name for the first quoted record here\n"
	  "  text: 'a single-quoted one, also going on at column zero\n"
	  "- id: fake-in-single\n"
	  "- ''quoted'' still'\n"
	  "- id: s2\n"
	  "  kind: quote\n"
	  "  name: the record after the quoted scalar, long enough\n",
	  0, 0, REREAD, 2 },
	{ "flow sequence over lines, going on at column 0",
	  "- id: f1\n"
	  "  kind: flow\n"
	  "  name: a flow sequence whose later lines are at column zero\n"
	  "  tags: [alpha, beta,\n"
	  "gamma,\n"
	  "-delta, -1]\n"
	  "- id: f2\n"
	  "  kind: flow\n"
	  "  name: a flow mapping record over several lines as well\n"
	  "- {id: f3, kind: flow,\n"
	  "name: at column zero inside the braces}\n",
	  0, 0, PAR, 3 },
	{ "flow sequence with '- ' at column 0 inside",
	  "- id: fs0\n"
	  "  kind: flow\n"
	  "- id: fs1\n"
	  "  kind: flow\n"
	  "  name: a flow sequence with a block entry inside, at column 0\n"
	  "  tags: [alpha, beta,\n"
	  "- gamma]\n"
	  "- id: fs2\n"
	  "  kind: flow\n"
	  "  name: the record after the broken flow sequence\n",
	  0, KB_ESYNTAX, REREAD, 1 },
	{ "flow mapping with '- ' at column 0 inside",
	  "- id: fm1\n"
	  "  kind: flow\n"
	  "  name: a flow mapping record with a block entry inside it\n"
	  "- {id: fm2, kind: flow,\n"
	  "- name: x}\n"
	  "- id: fm3\n"
	  "  kind: flow\n"
	  "  name: the record after the broken flow mapping, padding it\n",
	  0, KB_ESYNTAX, REREAD, 1 },
	{ "documents separated by ---",
	  "# two documents, each a list of records\n"
	  "---\n"
	  "- id: d1\n  kind: doc\n  name: first record of the first document\n"
	  "- id: d2\n  kind: doc\n  name: second record of the first document\n"
	  "---\n"
	  "- id: d3\n  kind: doc\n  name: first record of the second document\n"
	  "- id: d4\n  kind: doc\n  name: second record of the second document\n"
	  "--- # a comment after the marker\n"
	  "- id: d5\n  kind: doc\n  name: first record of the third document\n"
	  "- id: d6\n  kind: doc\n  name: second record of the third document\n",
	  0, 0, ANY, 6 },
	/* lengths chosen so that no unit ends right after a "---": every cut
	 * is inside a list, and two units hold a document boundary */
	{ "documents separated by ---, cut inside each",
	  "--- # first\n"
	  "- {id: d00, kind: doc, n: xxx}\n"
	  "- {id: d01, kind: doc, n: xx}\n"
	  "- {id: d02, kind: doc, n: x}\n"
	  "---\n"
	  "- {id: d10, kind: doc, n: xxxxxxxxxxxxxxxxxxx}\n"
	  "- {id: d11, kind: doc, n: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx}\n"
	  "- {id: d12, kind: doc, n: xxxxxxxxxxxxxxxxxxxxx}\n"
	  "---\n"
	  "- {id: d20, kind: doc, n: xxxxxxxxxxxxxxxxxxxxxxxxxxxxx}\n"
	  "- {id: d21, kind: doc, n: xxxxxxxxxxxxxxxxxxxxxxxxxx}\n"
	  "- {id: d22, kind: doc, n: xxxxxxxxxxxxxxxxxxxxx}\n",
	  0, 0, PAR, 9 },
	{ "documents ended by ...",
	  "- id: e1\n  kind: doc\n  name: first record of the first document\n"
	  "- id: e2\n  kind: doc\n  name: second record of the first document\n"
	  "...\n"
	  "---\n"
	  "- id: e3\n  kind: doc\n  name: first record of the second document\n"
	  "- id: e4\n  kind: doc\n  name: second record of the second document\n"
	  "...\n"
	  "%YAML 1.1\n"
	  "---\n"
	  "- id: e5\n  kind: doc\n  name: first record of the third document\n"
	  "- id: e6\n  kind: doc\n  name: second record of the third document\n"
	  "...\n",
	  0, 0, ANY, 6 },
	{ "a record per document, lists at column 0",
	  "id: o1\n"
	  "kind: one\n"
	  "name: a record per document, its lists written at column zero\n"
	  "tags:\n"
	  "- alpha\n"
	  "- beta\n"
	  "- gamma\n"
	  "---\n"
	  "id: o2\n"
	  "kind: one\n"
	  "name: the second document, again with a list at column zero\n"
	  "tags:\n"
	  "- delta\n"
	  "- epsilon\n"
	  "...\n"
	  "---\n"
	  "id: o3\n"
	  "kind: one\n"
	  "aliases:\n"
	  "-   zeta\n"
	  "- eta\n",
	  0, 0, REREAD, 3 },
	{ "a record whose list holds records at column 0",
	  "id: top\n"
	  "kind: holder\n"
	  "name: a top-level record whose list holds records at column zero\n"
	  "items:\n"
	  "- id: x1\n"
	  "  kind: inner\n"
	  "  name: looks like a record of a list of records\n"
	  "- id: x2\n"
	  "  kind: inner\n"
	  "  name: looks like a record of a list of records\n"
	  "- id: x3\n"
	  "  kind: inner\n",
	  0, KB_ESTRUCT, REREAD, 0 },
	{ "a record whose list holds records at column 0, after a document",
	  "- id: before\n"
	  "  kind: plain\n"
	  "  name: a list of records first, then a document that is one record\n"
	  "---\n"
	  "id: top2\n"
	  "kind: holder\n"
	  "items:\n"
	  "- id: y1\n"
	  "  kind: inner\n"
	  "  name: looks like a record of a list of records\n"
	  "- id: y2\n"
	  "  kind: inner\n"
	  "  name: looks like a record of a list of records\n",
	  0, KB_ESTRUCT, REREAD, 1 },
	{ "an indented list, then '- ' at column 0",
	  "  - id: i1\n"
	  "    kind: indented\n"
	  "    name: a list of records indented by two spaces\n"
	  "  - id: i2\n"
	  "    kind: indented\n"
	  "    name: the second record of the indented list\n"
	  "- id: i3\n"
	  "  kind: indented\n"
	  "  name: this one is at column zero: not the same list\n"
	  "- id: i4\n"
	  "  kind: indented\n",
	  0, KB_ESYNTAX, REREAD, 2 },
	{ "anchors in one unit, aliases in later ones",
	  "- id: a1\n"
	  "  kind: &k anchored-kind\n"
	  "  name: &n the name that later records reuse through an alias\n"
	  "  tags: &t [x, y, z]\n"
	  "- id: a2\n"
	  "  kind: *k\n"
	  "  name: *n\n"
	  "  notes: padding so that this record is a unit of its own\n"
	  "- id: a3\n"
	  "  kind: *k\n"
	  "  tags: *t\n"
	  "  notes: padding so that this record is a unit of its own\n",
	  0, 0, REREAD, 3 },
	{ "merge keys",
	  "- &base\n"
	  "  id: m1\n"
	  "  kind: merged\n"
	  "  name: the base record, merged into the later ones\n"
	  "- <<: *base\n"
	  "  id: m2\n"
	  "  notes: padding so that this record is a unit of its own\n"
	  "- id: m3\n"
	  "  <<: {kind: merged, name: an inline merge, tags: [a, b]}\n"
	  "  notes: padding so that this record is a unit of its own\n",
	  0, 0, REREAD, 3 },
	{ "inline merge keys only",
	  "- id: im1\n"
	  "  kind: merged\n"
	  "  name: no alias in this file, only inline merges later\n"
	  "- id: im2\n"
	  "  <<: {kind: merged, name: an inline merge, tags: [a, b]}\n"
	  "  notes: padding so that this record is a unit of its own\n",
	  0, 0, REREAD, 2 },
	{ "UTF-8 byte order mark",
	  "\xEF\xBB\xBF" PLAIN_RECORDS, 0, 0, PAR, 4 },
	{ "NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR",
	  "- id: u1\n"
	  "  kind: unicode\n"
	  "  name: \"a NEL\xC2\x85inside double quotes, then a line separator\xE2\x80\xA8" "and a paragraph separator\xE2\x80\xA9" "end\"\n"
	  "  # a comment that ends in a NEL\xC2\x85\n"
	  "# a comment at column 0 that ends in a LINE SEPARATOR\xE2\x80\xA8\n"
	  "- id: u2\n"
	  "  kind: unicode\n"
	  "  text: 'single quotes\xE2\x80\xA9over a paragraph separator'\n"
	  "  notes: plain, a NEL\xC2\x85   goes on indented\n"
	  "# PARAGRAPH SEPARATOR\xE2\x80\xA9\n"
	  "- id: u3\n"
	  "  kind: unicode\n"
	  "  name: after lines that only libyaml counts\n"
	  "  text: |\n"
	  "    a literal with a NEL\xC2\x85    and a LS\xE2\x80\xA8    in it\n"
	  "- id: u4\n"
	  "  kind: unicode\n"
	  "  name: the last record, its line counted right?\n",
	  0, 0, PAR, 4 },
	{ "%YAML and %TAG, tagged values in later units",
	  "%YAML 1.1\n"
	  "%TAG !e! tag:example.com,2000:kbq/\n"
	  "---\n"
	  "- id: t1\n"
	  "  kind: !e!kind tagged\n"
	  "  name: !!str a name tagged with the standard handle\n"
	  "- id: t2\n"
	  "  kind: !e!kind tagged\n"
	  "  name: !e!name a handle that only the directive declares\n"
	  "- id: t3\n"
	  "  kind: tagged\n"
	  "  name: !<tag:example.com,2000:verbatim> a verbatim tag\n",
	  0, 0, REREAD, 3 },
	{ "%TAG redefining !!, used in later units",
	  "%TAG !! tag:example.com,2000:kbq/\n"
	  "---\n"
	  "- id: tt1\n"
	  "  kind: tagged\n"
	  "  name: !!str the secondary handle, redefined by the directive\n"
	  "- id: tt2\n"
	  "  kind: !!kind tagged\n"
	  "  name: !!str later units read it with the default meaning\n",
	  0, 0, ANY, 2 },
	{ "tabs",
	  "- id: tab1\n"
	  "  kind:\ttabbed\n"
	  "  name: a value\twith a tab inside  \t# and a comment after tabs\n"
	  "- id: tab2\n"
	  "  kind: tabbed\t\n"
	  "  name: \"a quoted\ttab\"\n"
	  "  notes: padding so that this record is a unit of its own\n"
	  "- id: tab3\n"
	  "  kind: tabbed\n"
	  "  tags: [\ta,\tb\t]\n"
	  "  notes: padding so that this record is a unit of its own\n",
	  0, 0, PAR, 3 },
	{ "a tab after the dash in a later unit",
	  "- id: td1\n"
	  "  kind: tabbed\n"
	  "  name: padding so that this record is a unit of its own, and more\n"
	  "- id: td2\n"
	  "  kind: tabbed\n"
	  "  name: padding so that this record is a unit of its own, and more\n"
	  "-\tid: td3\n"
	  "  kind: tabbed\n",
	  0, KB_ESYNTAX, REREAD, 2 },
	{ "a tab indenting a key in a later unit",
	  "- id: ti0\n"
	  "  kind: tabbed\n"
	  "  name: padding so that this record is a unit of its own\n"
	  "- id: ti1\n"
	  "  kind: tabbed\n"
	  "  name: padding so that this record is a unit of its own\n"
	  "- id: ti2\n"
	  "\tkind: tabbed\n"
	  "  name: padding so that this record is a unit of its own\n",
	  0, KB_ESYNTAX, REREAD, 2 },
	{ "entries as '-' alone on a line",
	  "-\n"
	  "  id: n1\n"
	  "  kind: newline\n"
	  "  name: the mapping starts on the line after the dash\n"
	  "-\n"
	  "  id: n2\n"
	  "  kind: newline\n"
	  "  name: and so does this one, the second record\n"
	  "-   \n"
	  "  # a comment first\n"
	  "  id: n3\n"
	  "  kind: newline\n"
	  "  name: the dash followed by blanks, then a comment\n",
	  0, 0, PAR, 3 },
	{ "a dash alone, then a mapping at column 0",
	  "- id: dm1\n  kind: plain\n  name: padding so that this record is a unit\n"
	  "- id: dm2\n  kind: plain\n  name: padding so that this record is a unit\n"
	  "-\n"
	  "id: dm3\n"
	  "kind: plain\n"
	  "- id: dm4\n  kind: plain\n  name: padding so that this record is a unit\n",
	  0, KB_ESYNTAX, REREAD, 2 },
	{ "flow records",
	  "- {id: fr1, kind: flow, name: a record written as a flow mapping}\n"
	  "- {id: fr2, kind: flow, name: another, tags: [a, b, c, d, e, f]}\n"
	  "- {id: fr3, kind: flow, name: and a third flow mapping record, x: ~}\n",
	  0, 0, PAR, 3 },
	{ "absent values",
	  "- id: av1\n  kind: absent\n  name: ~\n  tags: []\n  notes:\n  x: null\n  y: NULL\n"
	  "- id: av2\n  kind: absent\n  name: \"null\"\n  tags: [\"\"]\n  notes: ''\n  z: Null\n"
	  "- id: av3\n  kind: absent\n  name: the last record of the file, no absent value\n",
	  0, 0, PAR, 3 },
	{ "explicit keys",
	  "- id: ek0\n  kind: explicit\n  name: padding\n"
	  "- ? id\n"
	  "  : ek1\n"
	  "  ? kind\n"
	  "  : explicit\n"
	  "  name: explicit keys in the first record, padding\n"
	  "- id: ek2\n"
	  "  ? kind\n"
	  "  : explicit\n"
	  "  name: and in the second one, padding to fill a unit\n",
	  0, 0, PAR, 3 },
	{ "an anchor on the root list",
	  "--- &root !seq\n"
	  "- id: ar1\n  kind: anchored\n  name: the root list has an anchor and a tag\n"
	  "- id: ar2\n  kind: anchored\n  name: the root list has an anchor and a tag\n"
	  "- id: ar3\n  kind: anchored\n  name: the root list has an anchor and a tag\n",
	  0, 0, ANY, 3 },
	{ "an alias as a list element",
	  "- &r\n"
	  "  id: al1\n"
	  "  kind: aliased\n"
	  "  name: a record that the last element repeats through an alias\n"
	  "- id: al2\n"
	  "  kind: aliased\n"
	  "  name: padding so that this record is a unit of its own\n"
	  "  notes: more padding, for the length of the case\n"
	  "- *r\n",
	  0, KB_ESTRUCT, REREAD, 2 },
	{ "duplicate ids across units",
	  "- id: dup\n  kind: plain\n  name: the first record with this id, padding\n"
	  "- id: other\n  kind: plain\n  name: a record in between, padding it\n"
	  "- id: another\n  kind: plain\n  name: a record in between, padding it\n"
	  "- id: dup\n  kind: plain\n  name: the second record with this id\n",
	  0, KB_ESTRUCT, REREAD, 3 },
	{ "duplicate id in the same unit, late",
	  "- id: first\n  kind: plain\n  name: a first record, padding it out\n"
	  "- id: second\n  kind: plain\n  name: a second record, padding it out\n"
	  "- {id: d1, kind: a}\n- {id: d1, kind: b}\n"
	  "- id: third\n  kind: plain\n  name: never read\n",
	  0, KB_ESTRUCT, REREAD, 3 },
	{ "duplicate key in a late unit",
	  "- id: pad\n  kind: plain\n  name: a record that only pads the case out\n"
	  "- id: dk1\n  kind: plain\n  name: a first record, padding it out more\n"
	  "- id: dk2\n  kind: plain\n  name: a second record, padding it out\n"
	  "- id: dk3\n  kind: plain\n  name: one\n  tags: [a]\n  name: two\n",
	  0, KB_ESTRUCT, REREAD, 3 },
	{ "syntax error in a late unit",
	  "- id: pad\n  kind: plain\n  name: a record that only pads the case out\n"
	  "- id: se1\n  kind: plain\n  name: a first record, padding it out more\n"
	  "- id: se2\n  kind: plain\n  name: a second record, padding it out\n"
	  "- id: se3\n  kind: plain\n  name: [unclosed, flow\n",
	  0, KB_ESYNTAX, REREAD, 3 },
	{ "structural error early, syntax error later",
	  "- id: sx1\n  kind: plain\n  name: {nested: mapping}\n"
	  "- id: sx2\n  kind: plain\n  name: a second record, padding it out\n"
	  "- id: sx3\n  kind: plain\n  name: a third record, padding it out\n"
	  "- id: sx4\n  kind: plain\n  name: \"unterminated\n",
	  0, KB_ESYNTAX, REREAD, 0 },
	{ "structural error in a late unit",
	  "- id: pad\n  kind: plain\n  name: a record that only pads the case out\n"
	  "- id: st1\n  kind: plain\n  name: a first record, padding it out more\n"
	  "- id: st2\n  kind: plain\n  name: a second record, padding it out\n"
	  "- id: st3\n  name: this one has no kind\n",
	  0, KB_ESTRUCT, REREAD, 3 },
	{ "a list element that is not a record, late",
	  "- id: pad\n  kind: plain\n  name: a record that only pads the case out\n"
	  "- id: ne1\n  kind: plain\n  name: a first record, padding it out more\n"
	  "- id: ne2\n  kind: plain\n  name: a second record, padding it out\n"
	  "- just a scalar\n",
	  0, KB_ESTRUCT, REREAD, 3 },
	{ "a list inside the root list, late",
	  "- id: pad\n  kind: plain\n  name: a record that only pads the case out\n"
	  "- id: ll1\n  kind: plain\n  name: a first record, padding it out more\n"
	  "- id: ll2\n  kind: plain\n  name: a second record, padding it out\n"
	  "- - id: ll3\n    kind: plain\n",
	  0, KB_ESTRUCT, REREAD, 3 },
	{ "a null element, late",
	  "- id: pad\n  kind: plain\n  name: a record that only pads the case out\n"
	  "- id: nl1\n  kind: plain\n  name: a first record, padding it out more\n"
	  "- id: nl2\n  kind: plain\n  name: a second record, padding it out\n"
	  "-\n"
	  "- id: nl3\n  kind: plain\n",
	  0, KB_ESTRUCT, REREAD, 3 },
	{ "content after '...', late",
	  "- id: pad\n  kind: plain\n  name: a record that only pads the case out\n"
	  "- id: dd1\n  kind: plain\n  name: a first record, padding it out more\n"
	  "- id: dd2\n  kind: plain\n  name: a second record, padding it out\n"
	  "...\n"
	  "- id: dd3\n  kind: plain\n  name: after the end of the document\n",
	  0, KB_ESYNTAX, ANY, 3 },
	{ "an error in the first unit only",
	  "- id: fe1\n  name: the first record has no kind, the rest are fine\n"
	  "- id: fe2\n  kind: plain\n  name: a second record, padding it out\n"
	  "- id: fe3\n  kind: plain\n  name: a third record, padding it out\n"
	  "- id: fe4\n  kind: plain\n  name: a fourth record, padding it out\n",
	  0, KB_ESTRUCT, REREAD, 0 },
	{ "a required key left open at the end of a unit",
	  "- id: rk1\n"
	  "  kind: plain\n"
	  "  name: padding so that this record is a unit of its own\n"
	  "  lonely\n"
	  "- id: rk2\n"
	  "  kind: plain\n"
	  "  name: padding so that this record is a unit of its own\n"
	  "- id: rk3\n"
	  "  kind: plain\n"
	  "  name: padding so that this record is a unit of its own\n",
	  0, KB_ESYNTAX, REREAD, 0 },
	{ "a keep-chomped block scalar running up to a cut",
	  "- id: kc1\n"
	  "  kind: block\n"
	  "  text: |+\n"
	  "    kept, with trailing empty lines that end right at a cut\n"
	  "\n"
	  "   \n"
	  "\n"
	  "- id: kc2\n"
	  "  kind: block\n"
	  "  text: >+\n"
	  "    folded and kept, with trailing empty lines, then the end of file\n"
	  "\n"
	  "\n",
	  0, 0, PAR, 2 },
	{ "comment-only file",
	  "# nothing but comments in this file: no document, no record at all\n"
	  "# - id: commented-out\n"
	  "#   kind: nothing\n"
	  "#- id: commented-out-too\n"
	  "# and more comment lines, so that the file is longer than two units\n",
	  0, 0, WHOLE, 0 },
	{ "empty file", "", 0, 0, WHOLE, 0 },
	{ "blank lines only",
	  "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n"
	  "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n"
	  "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n"
	  "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n"
	  "   \n  \n  \n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n"
	  "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n",
	  0, 0, WHOLE, 0 },
	{ "empty documents between lists",
	  "---\n"
	  "---\n"
	  "# an empty document above\n"
	  "- id: ed1\n  kind: plain\n  name: a first record, padding it out more\n"
	  "---\n"
	  "...\n"
	  "---\n"
	  "- id: ed2\n  kind: plain\n  name: a second record, padding it out\n"
	  "- id: ed3\n  kind: plain\n  name: a third record, padding it out\n",
	  0, 0, ANY, 3 },
};

/*
 * A reader error (a byte that is not UTF-8, a control character) after
 * the first unit.  libyaml decodes its input ahead of the scanner, so one
 * thread reports the error before it hands on the records just before the
 * bad byte; with threads the units before the bad one were parsed apart
 * and their records handed on first.  Whole loads agree (the error); a
 * stream callback may get more records with threads, a prefix of the file's
 * either way, and then the same error: what lib/kb.h allows
 * (kbdump_reader_prefix).
 */
static const struct hcase reader_cases[] = {
	{ "a control character in a late unit",
	  "- id: pad\n  kind: plain\n  name: a record that only pads the case out\n"
	  "- id: cc1\n  kind: plain\n  name: a first record, padding it out more\n"
	  "- id: cc2\n  kind: plain\n  name: a second record, padding it out\n"
	  "- id: cc3\n  kind: plain\n  name: a bell \x07 here\n",
	  0, KB_ESYNTAX, REREAD, 0 },
	{ "invalid UTF-8 in a late unit",
	  "- id: pad\n  kind: plain\n  name: a record that only pads the case out\n"
	  "- id: iu1\n  kind: plain\n  name: a first record, padding it out more\n"
	  "- id: iu2\n  kind: plain\n  name: a second record, padding it out\n"
	  "- id: iu3\n  kind: plain\n  name: a stray byte \xC3( here\n",
	  0, KB_ESYNTAX, REREAD, 0 },
};

/* The text with every "\n" replaced by `eol` (CRLF, CR). */
static char *with_eol(const char *text, const char *eol)
{
	size_t n = 0, i, k = strlen(eol);
	char *out, *p;

	for (i = 0; text[i]; i++)
		n += text[i] == '\n' ? k : 1;
	out = p = malloc(n + 1);
	assert_non_null(out);
	for (i = 0; text[i]; i++) {
		if (text[i] == '\n') {
			memcpy(p, eol, k);
			p += k;
		} else {
			*p++ = text[i];
		}
	}
	*p = '\0';
	return out;
}

/* Line ends that change from line to line: LF, CRLF, CR in turn. */
static char *mixed_eol(const char *text)
{
	static const char *const eols[] = { "\n", "\r\n", "\r" };
	size_t n = 0, i, line = 0;
	char *out, *p;

	for (i = 0; text[i]; i++)
		n += text[i] == '\n' ? 2 : 1;
	out = p = malloc(n + 1);
	assert_non_null(out);
	for (i = 0; text[i]; i++) {
		if (text[i] == '\n') {
			const char *e = eols[line++ % 3];
			memcpy(p, e, strlen(e));
			p += strlen(e);
		} else {
			*p++ = text[i];
		}
	}
	*p = '\0';
	return out;
}

/* ASCII text as UTF-16 with a byte order mark. */
static char *utf16(const char *text, bool big_endian, size_t *len)
{
	size_t n = strlen(text), i;
	char *out = malloc(2 * n + 2);

	assert_non_null(out);
	out[0] = big_endian ? '\xFE' : '\xFF';
	out[1] = big_endian ? '\xFF' : '\xFE';
	for (i = 0; i < n; i++) {
		out[2 + 2 * i + !big_endian] = '\0';
		out[2 + 2 * i + big_endian] = text[i];
	}
	*len = 2 * n + 2;
	return out;
}

static void expect(const char *name, size_t len, const struct verdict *v,
		   int rc, enum expect e, size_t records)
{
	if (len && len < 200)
		bad("%s: %zu bytes: a case must be 200 or more to be cut", name,
		    len);
	if (v->rc != rc)
		bad("%s: one thread gives rc %d, the case says %d", name, v->rc,
		    rc);
	if (v->records != records)
		bad("%s: one thread streams %zu records, the case says %zu",
		    name, v->records, records);
	switch (e) {
	case ANY:
		break;
	case PAR:
		if (!v->loads || v->par_loads != v->loads)
			bad("%s: the parallel path was taken by %zu of %zu loads "
			    "with threads", name, v->par_loads, v->loads);
		break;
	case REREAD:
		if (!v->loads || v->reread_loads != v->loads)
			bad("%s: %zu of %zu loads with threads read the file "
			    "again", name, v->reread_loads, v->loads);
		break;
	case WHOLE:
		if (v->units || v->reread_loads)
			bad("%s: cut into units (%zu handed on, %zu rereads)",
			    name, v->units, v->reread_loads);
		break;
	}
}

/* hand-written cases run, and how many took each path */
static size_t ran, ran_par, ran_reread;

static struct verdict run_case(const char *name, const char *text, size_t len,
			       int rc, enum expect e, size_t records)
{
	struct verdict v = check(name, text, len);

	ran++;
	ran_par += v.loads && v.par_loads == v.loads;
	ran_reread += v.loads && v.reread_loads == v.loads;
	if (getenv("TEST_PAR_VERBOSE"))
		print_message("%s: rc %d, %zu records; with threads: %zu loads, "
			      "%zu parallel, %zu read again, %zu units\n", name,
			      v.rc, v.records, v.loads, v.par_loads,
			      v.reread_loads, v.units);
	expect(name, len, &v, rc, e, records);
	return v;
}

static void hand_written(void **state)
{
	size_t i;
	char *t;

	(void)state;
	failures = 0;
	ran = ran_par = ran_reread = 0;
	for (i = 0; i < sizeof(hcases) / sizeof(hcases[0]); i++) {
		const struct hcase *c = &hcases[i];
		size_t len = c->len ? c->len : strlen(c->text);

		run_case(c->name, c->text, len, c->rc, c->expect, c->records);
	}

	/* line ends other than LF */
	t = with_eol(PLAIN_RECORDS, "\r\n");
	run_case("CRLF", t, strlen(t), 0, PAR, 4);
	free(t);
	t = with_eol("\xEF\xBB\xBF" "- id: w1\n  kind: crlf\n  name: the first of three records, padded\n-\n  id: w2\n"
		     "  kind: crlf\n  name: a dash alone on its line, then CRLF\n"
		     "- id: w3\n  kind: crlf\n  name: padding it out to the end\n",
		     "\r\n");
	run_case("CRLF with a BOM and a lone dash", t, strlen(t), 0, PAR, 3);
	free(t);
	t = with_eol(PLAIN_RECORDS, "\r");
	/* libyaml counts a lone CR as a line break; no cut is found */
	run_case("lone CR", t, strlen(t), 0, WHOLE, 4);
	free(t);
	t = mixed_eol(PLAIN_RECORDS);
	run_case("LF, CRLF and CR mixed", t, strlen(t), 0, PAR, 4);
	free(t);

	/* UTF-16 is left whole */
	{
		size_t len;

		t = utf16(PLAIN_RECORDS, false, &len);
		run_case("UTF-16LE with a BOM", t, len, 0, WHOLE, 4);
		free(t);
		t = utf16(PLAIN_RECORDS, true, &len);
		run_case("UTF-16BE with a BOM", t, len, 0, WHOLE, 4);
		free(t);
	}
	print_message("hand-written: %zu cases, %zu took the parallel path "
		      "with 2 and 3 threads, %zu were read again in order\n",
		      ran, ran_par, ran_reread);
	assert_int_equal(failures, 0);
}

/*
 * The reader errors, apart (see reader_cases): with threads the stream
 * callback gets more records before the error than one thread hands on,
 * and nothing else differs.  A generated KB with a bad byte at its end
 * shows it at scale: the allowed difference must be what happened there,
 * or the test no longer tests it.
 */
static void generate(struct kbdump *g, size_t n, uint32_t seed);

static void reader_errors_streamed(void **state)
{
	struct kbdump g = { NULL, 0, 0 };
	struct verdict v;
	size_t i;

	(void)state;
	failures = 0;
	for (i = 0; i < sizeof(reader_cases) / sizeof(reader_cases[0]); i++) {
		const struct hcase *c = &reader_cases[i];

		run_case(c->name, c->text, strlen(c->text), c->rc, c->expect,
			 c->records);
	}
	generate(&g, 2000, 5);
	kbdump_printf(&g, "- id: bad\n  kind: actor\n  name: not UTF-8: \xFF\n");
	v = check("generated, then a byte that is not UTF-8", g.s, g.len);
	print_message("generated, then a byte that is not UTF-8: one thread "
		      "streams %zu of the 2000 records before the error, "
		      "%zu threaded streams handed on more\n",
		      v.records, v.reader_prefix);
	assert_true(v.records < 2000);
	assert_true(v.reader_prefix > 0);
	free(g.s);
	assert_int_equal(failures, 0);
}

/* ---- a generated KB ------------------------------------------------------------- */

/* A deterministic pseudo-random number. */
static uint32_t lcg(uint32_t *x)
{
	*x = *x * 1103515245u + 12345u;
	return (*x >> 16) & 0x7FFF;
}

/* n records of the shape of the shipped KB, with some variety: comments,
 * block scalars, flow lists, quoted names, blank lines. */
static void generate(struct kbdump *g, size_t n, uint32_t seed)
{
	static const char *const kinds[] = { "actor", "event", "control",
					     "source", "agreement" };
	static const char *const tags[] = { "a", "trade", "rare-earths",
					    "semiconductors", "talks" };
	uint32_t x = seed;
	size_t i, j, ntags;

	g->len = 0;
	kbdump_printf(g, "# generated: %zu records\n", n);
	for (i = 0; i < n; i++) {
		uint32_t r = lcg(&x);

		kbdump_printf(g, "- id: r%zu\n  kind: %s\n", i, kinds[r % 5]);
		switch (lcg(&x) % 4) {
		case 0:
			kbdump_printf(g, "  name: Record number %zu\n", i);
			break;
		case 1:
			kbdump_printf(g, "  name: \"Record \\\"%zu\\\"\"\n", i);
			break;
		case 2:
			kbdump_printf(g, "  name: 'Record ''%zu'''\n", i);
			break;
		default:
			kbdump_printf(g, "  name: >-\n    Record\n    number %zu\n", i);
			break;
		}
		ntags = lcg(&x) % 4;
		if (ntags == 3) {
			kbdump_printf(g, "  tags: [%s, %s]\n", tags[lcg(&x) % 5],
				tags[lcg(&x) % 5]);
		} else if (ntags) {
			kbdump_printf(g, "  tags:\n");
			for (j = 0; j < ntags; j++)
				kbdump_printf(g, "    - %s\n", tags[lcg(&x) % 5]);
		}
		if (lcg(&x) % 7 == 0)
			kbdump_printf(g, "  notes: |\n    line one of %zu\n    - not a "
				"record\n", i);
		if (lcg(&x) % 11 == 0)
			kbdump_printf(g, "# a comment after r%zu\n", i);
		if (lcg(&x) % 13 == 0)
			kbdump_printf(g, "\n");
	}
}

static void generated(void **state)
{
	struct kbdump g = { NULL, 0, 0 };
	struct verdict v;
	size_t len;

	(void)state;
	failures = 0;
	generate(&g, 3000, 1);
	v = check("generated, 3000 records", g.s, g.len);
	expect("generated, 3000 records", g.len, &v, 0, PAR, 3000);
	print_message("generated: %zu bytes, 3000 records, %zu units handed on "
		      "over %zu loads with threads\n", g.len, v.units, v.loads);
	if (v.loads && v.units / v.loads < 1000)
		bad("generated: only %zu units a load", v.units / v.loads);

	/* an alias near the end: all of it read again, the records handed
	 * on before passed over */
	len = g.len;
	kbdump_printf(&g, "- id: late-anchor\n  kind: actor\n  name: &nm anchored\n"
		"- id: late-alias\n  kind: actor\n  name: *nm\n");
	v = check("generated, then an alias", g.s, g.len);
	expect("generated, then an alias", g.len, &v, 0, REREAD, 3002);

	/* a duplicate of an id of the first unit, at the end */
	g.len = len;
	kbdump_printf(&g, "- id: r0\n  kind: actor\n  name: again\n");
	v = check("generated, then a duplicate id", g.s, g.len);
	expect("generated, then a duplicate id", g.len, &v, KB_ESTRUCT,
	       REREAD, 3000);

	/* a duplicate key in the middle */
	generate(&g, 1500, 2);
	kbdump_printf(&g, "- id: dk\n  kind: actor\n  name: a\n  name: b\n");
	len = g.len;
	{
		struct kbdump h = { NULL, 0, 0 };
		generate(&h, 1500, 3);
		/* ids of the second half renamed so that they do not clash */
		kbdump_printf(&g, "%s", h.s);
		free(h.s);
	}
	{
		/* r0..r1499 appear twice: rename the second half's */
		char *p = g.s + len;
		while ((p = strstr(p, "- id: r")))
			p[6] = 's', p += 7;
	}
	v = check("generated, a duplicate key in the middle", g.s, g.len);
	expect("generated, a duplicate key in the middle", g.len, &v,
	       KB_ESTRUCT, REREAD, 1500);

	/* a syntax error at the very end */
	generate(&g, 2000, 4);
	kbdump_printf(&g, "- id: last\n  kind: actor\n  name: \"unterminated\n");
	v = check("generated, then a syntax error", g.s, g.len);
	expect("generated, then a syntax error", g.len, &v, KB_ESYNTAX,
	       REREAD, 2000);

	free(g.s);
	assert_int_equal(failures, 0);
}

/* "- id: rN" becomes "- id: cN": the ids of another file. */
static void rename_ids(char *s, char c)
{
	while ((s = strstr(s, "- id: r"))) {
		s[6] = c;
		s += 7;
	}
}

/*
 * A KB of three files, each cut into units: indexes go on from file to
 * file, and a duplicate of an id of the first file in the last one names
 * the first file.
 */
static void several_files(void **state)
{
	static const char *const rel[] = { "a.yaml", "b/c.yaml", "d.yml" };
	struct kbdump g[3] = { { NULL, 0, 0 }, { NULL, 0, 0 }, { NULL, 0, 0 } };
	struct kb_memfile mf[3];
	char dir[4200], path[4300], names[3][64];
	struct input in;
	struct verdict v;
	size_t i;

	(void)state;
	failures = 0;
	snprintf(dir, sizeof(dir), "%s/kbdir", tmpdir);
	snprintf(path, sizeof(path), "%s/b", dir);
	if ((mkdir(dir, 0700) < 0 && errno != EEXIST) ||
	    (mkdir(path, 0700) < 0 && errno != EEXIST))
		fail_msg("mkdir %s: %s", path, strerror(errno));
	for (i = 0; i < 3; i++) {
		generate(&g[i], 400 + 100 * i, (uint32_t)(10 + i));
		rename_ids(g[i].s, (char)('a' + i));
		snprintf(names[i], sizeof(names[i]), "kb/%s", rel[i]);
		mf[i].name = names[i];
		mf[i].data = g[i].s;
		mf[i].len = g[i].len;
		snprintf(path, sizeof(path), "%s/%s", dir, rel[i]);
		write_file(path, g[i].s, g[i].len);
	}
	in.files = mf;
	in.nfiles = 3;
	in.path = dir;
	in.display = "kb/";
	v = check_input("three files", &in);
	expect("three files", 0, &v, 0, PAR, 1500);

	/* the last file ends with a duplicate of the first file's a7 */
	kbdump_printf(&g[2], "- id: a7\n  kind: actor\n  name: again\n");
	mf[2].data = g[2].s;
	mf[2].len = g[2].len;
	snprintf(path, sizeof(path), "%s/%s", dir, rel[2]);
	write_file(path, g[2].s, g[2].len);
	v = check_input("three files, a duplicate id across files", &in);
	expect("three files, a duplicate id across files", 0, &v, KB_ESTRUCT,
	       ANY, 1500);
	if (!v.reread_loads)
		bad("three files, a duplicate id across files: never read "
		    "again in order");
	for (i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, rel[i]);
		unlink(path);
		free(g[i].s);
	}
	snprintf(path, sizeof(path), "%s/b", dir);
	rmdir(path);
	rmdir(dir);
	assert_int_equal(failures, 0);
}

/* ---- files of other suites ------------------------------------------------------ */

static char *slurp(const char *path, size_t *len)
{
	char *buf = test_read_file(path, len);

	if (!buf)
		fail_msg("cannot read %s", path);
	return buf;
}

struct tally {
	size_t files, cut, par, reread, records, errors;
};

static void one_file(const char *path, struct tally *t)
{
	size_t len;
	char *data = slurp(path, &len);
	struct verdict v = check(path, data, len);

	t->files++;
	t->cut += v.units > 0 || v.reread_loads > 0;
	t->par += v.loads && v.par_loads == v.loads;
	t->reread += v.reread_loads > 0;
	t->records += v.records;
	t->errors += v.rc != 0;
	free(data);
}

static void yaml_suite(void **state)
{
	char path[4096];
	struct tally t = { 0 };
	struct dirent *de;
	struct stat st;
	DIR *d;

	(void)state;
	failures = 0;
	if (!suite_dir || !(d = opendir(suite_dir))) {
		print_message("skipped: no yaml-test-suite at %s\n",
			      suite_dir ? suite_dir : "(none given)");
		skip();
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s/in.yaml", suite_dir,
			 de->d_name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			one_file(path, &t);
	}
	closedir(d);
	print_message("yaml-test-suite: %zu inputs, %zu cut into units (%zu "
		      "read in parallel, %zu again in order), %zu records, %zu "
		      "errors\n", t.files, t.cut, t.par, t.reread, t.records,
		      t.errors);
	assert_true(t.files >= 300);
	assert_true(t.cut > 0);
	assert_int_equal(failures, 0);
}

static void walk(const char *dir, struct tally *t)
{
	char path[4096];
	struct dirent *de;
	struct stat st;
	DIR *d = opendir(dir);

	if (!d)
		fail_msg("cannot open %s", dir);
	while ((de = readdir(d))) {
		size_t n = strlen(de->d_name);

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		/* links/ holds loops: symlinks are not followed */
		if (lstat(path, &st) < 0 || S_ISLNK(st.st_mode))
			continue;
		if (S_ISDIR(st.st_mode))
			walk(path, t);
		else if (S_ISREG(st.st_mode) &&
			 ((n > 5 && !strcmp(de->d_name + n - 5, ".yaml")) ||
			  (n > 4 && !strcmp(de->d_name + n - 4, ".yml"))))
			one_file(path, t);
	}
	closedir(d);
}

static void cli_data(void **state)
{
	struct tally t = { 0 };

	(void)state;
	failures = 0;
	if (!cli_dir)
		fail_msg("no tests/data/cli directory given");
	walk(cli_dir, &t);
	print_message("tests/data/cli: %zu files, %zu cut into units (%zu read "
		      "in parallel, %zu again in order), %zu records, %zu "
		      "errors\n", t.files, t.cut, t.par, t.reread, t.records,
		      t.errors);
	assert_true(t.files >= 20);
	assert_true(t.par > 0);
	assert_int_equal(failures, 0);
}

/* ---- main -------------------------------------------------------------------- */

static int rm_tmp(void **state)
{
	char path[4200];

	(void)state;
	snprintf(path, sizeof(path), "%s/in.yaml", tmpdir);
	unlink(path);
	rmdir(tmpdir);
	free(tmpdir);
	return 0;
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hand_written),
		cmocka_unit_test(reader_errors_streamed),
		cmocka_unit_test(generated),
		cmocka_unit_test(several_files),
		cmocka_unit_test(cli_data),
		cmocka_unit_test(yaml_suite),
	};
	const char *base = getenv("TMPDIR");
	char tmpl[4096];

	suite_dir = argc > 1 ? argv[1] : NULL;
	cli_dir = argc > 2 ? argv[2] : NULL;
	snprintf(tmpl, sizeof(tmpl), "%s/kbq-test-par.XXXXXX",
		 base && *base ? base : "/tmp");
	if (!mkdtemp(tmpl)) {
		fprintf(stderr, "test-par: mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	tmpdir = strdup(tmpl);
	return cmocka_run_group_tests(tests, NULL, rm_tmp);
}
