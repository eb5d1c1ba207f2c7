/*
 * work-report.c - the rest of kbq-counted (tests/hostile/CMakeLists.txt):
 * kbq built on the library copy that counts its work (KB_COUNT_WORK),
 * which prints the counters on stderr at exit when KBQ_WORK is set, so
 * that cost.sh can check a bound on small inputs instead of timing large
 * ones.  It has no built-in KB: every case gives --kb.
 */
#include "kb-int.h"

#include <stdio.h>
#include <stdlib.h>

const struct kb_memfile kbq_embedded_files[1];
const size_t kbq_embedded_count = 0;

/* cmd/main.c's main, renamed in this directory (CMakeLists.txt) */
int kbq_main(int argc, char **argv);

int main(int argc, char **argv)
{
	return kbq_main(argc, argv);
}

__attribute__((destructor)) static void report(void)
{
	if (!getenv("KBQ_WORK"))
		return;
	fprintf(stderr, "kbq-work: edit_cells=%zu regex_limit=%zu "
		"lookup_probes=%zu id_probes=%zu\n", kb_work.edit_cells,
		kb_work.regex_limit, kb_work.lookup_probes, kb_work.id_probes);
}
