/*
 * test-yaml-suite.c - the loader over every case of the YAML test suite
 * (argv[1], the directory laid by CI beside the clone; exit 77 when it is
 * absent).  No case may crash or leak (the sanitizer build checks that);
 * every input that libyaml 0.2.5 rejects (MANIFEST.tsv, libyaml_accepts)
 * must be a KB_ESYNTAX at a line >= 1 in the file named; every other error
 * must be located too.  Each case is read from disk with kb_open() and
 * from memory with kb_open_mem(), whose reader-error positions are
 * computed apart.
 */
#include "unit.h"
#include "readfile.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *suite;
static size_t failures;

/* Report a failing case and go on, so that one run lists them all. */
#define bad(...) do { \
	print_error(__VA_ARGS__); \
	print_error("\n"); \
	failures++; \
} while (0)

struct tally {
	size_t cases, rejected, records, empty, structural;
};

static char *slurp(const char *path, size_t *len)
{
	char *buf = test_read_file(path, len);

	if (!buf)
		fail_msg("cannot read %s", path);
	return buf;
}

/* One case: rc and error checked against what libyaml does. */
static void one(const char *id, bool libyaml_accepts, struct tally *t)
{
	char path[4096], name[64], *data;
	struct kb_memfile f;
	struct kb_error e = { 0 }, m = { 0 };
	struct kb *kb = NULL;
	int rc, rcm;
	size_t len;

	snprintf(path, sizeof(path), "%s/%s/in.yaml", suite, id);
	rc = kb_open(&kb, path, NULL, &e);
	if (!rc) {
		if (kb_count(kb))
			t->records++;
		else
			t->empty++;
	}
	kb_free(kb);
	kb = NULL;

	snprintf(name, sizeof(name), "%s/in.yaml", id);
	data = slurp(path, &len);
	f.name = name;
	f.data = data;
	f.len = len;
	rcm = kb_open_mem(&kb, &f, 1, NULL, &m);
	kb_free(kb);
	free(data);

	/* the same verdict and place, whichever way the bytes came in */
	if (rc != rcm)
		bad("%s: kb_open gives %d, kb_open_mem %d", id, rc, rcm);
	if (rc && (e.line != m.line || e.col != m.col ||
		   strcmp(e.message, m.message)))
		bad("%s: %u:%u: %s\nbut from memory %u:%u: %s", id, e.line,
			 e.col, e.message, m.line, m.col, m.message);
	if (!libyaml_accepts) {
		t->rejected++;
		if (rc != KB_ESYNTAX)
			bad("%s: libyaml rejects it, but the loader gives "
				 "code %d: %s", id, rc, rc ? e.message : "");
	} else if (rc == KB_ESYNTAX) {
		bad("%s: libyaml accepts it, but: %u:%u: %s", id, e.line,
			 e.col, e.message);
	} else if (rc) {
		t->structural++;
		if (rc != KB_ESTRUCT && rc != KB_ELIMIT)
			bad("%s: unexpected code %d: %s", id, rc, e.message);
	}
	if (rc) {
		if (e.line < 1 || e.col < 1)
			bad("%s: error not located: %u:%u: %s", id, e.line,
				 e.col, e.message);
		if (strcmp(e.file, path) || strcmp(m.file, name))
			bad("%s: error names '%s' / '%s'", id, e.file, m.file);
		if (strlen(e.message) < 5)
			bad("%s: no message", id);
	}
	kb_error_free(&e);
	kb_error_free(&m);
	t->cases++;
}

static void every_case(void **state)
{
	char path[4096], line[4096];
	struct tally t = { 0 };
	size_t dirs = 0;
	struct dirent *de;
	FILE *fp;
	DIR *d;

	(void)state;
	snprintf(path, sizeof(path), "%s/MANIFEST.tsv", suite);
	fp = fopen(path, "r");
	if (!fp)
		fail_msg("cannot read %s", path);
	/* case_id name has_json must_fail libyaml_accepts ... */
	assert_non_null(fgets(line, sizeof(line), fp));
	assert_true(strncmp(line, "case_id\tname\thas_json\tmust_fail\t"
			    "libyaml_accepts\t", 48) == 0);
	while (fgets(line, sizeof(line), fp)) {
		char *col[6], *p = line, err[4200];
		struct stat st;
		size_t i;

		for (i = 0; i < 6 && p; i++) {
			col[i] = p;
			if ((p = strchr(p, '\t')))
				*p++ = '\0';
		}
		assert_int_equal(i, 6);
		/* the manifest agrees with the case directory */
		snprintf(err, sizeof(err), "%s/%s/error", suite, col[0]);
		assert_int_equal(stat(err, &st) == 0, !strcmp(col[3], "yes"));
		one(col[0], !strcmp(col[4], "yes"), &t);
	}
	fclose(fp);
	/* every case directory is in the manifest */
	d = opendir(suite);
	assert_non_null(d);
	while ((de = readdir(d))) {
		struct stat st;
		snprintf(path, sizeof(path), "%s/%s/in.yaml", suite, de->d_name);
		if (stat(path, &st) == 0)
			dirs++;
	}
	closedir(d);
	assert_int_equal(dirs, t.cases);
	print_message("yaml-test-suite: %zu cases: %zu rejected by libyaml (each "
		      "a located syntax error), %zu loaded as records, %zu empty, "
		      "%zu structural errors\n", t.cases, t.rejected, t.records,
		      t.empty, t.structural);
	assert_int_equal(failures, 0);
	assert_true(t.cases >= 400);
	assert_true(t.rejected > 0);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_case),
	};
	char path[4096];
	struct stat st;

	if (argc < 2) {
		fprintf(stderr, "usage: %s YAML-TEST-SUITE-DIR\n", argv[0]);
		return 2;
	}
	suite = argv[1];
	snprintf(path, sizeof(path), "%s/MANIFEST.tsv", suite);
	if (stat(path, &st) < 0) {
		printf("skipped: no yaml-test-suite at %s\n", suite);
		return 77;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
