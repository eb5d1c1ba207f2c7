/* cmd-init.c - `kbq init [--empty] DIR`: start a KB: a copy of the KB built
 * into kbq, or with --empty its schema alone. */
#include "kbq.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The shipped KB, compiled in by cmd/embed.c at build time. */
extern const struct kb_memfile kbq_embedded_files[];
extern const size_t kbq_embedded_count;

static bool empty_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	bool empty = true;

	if (!d)
		return false;
	while (empty && (de = readdir(d)))
		empty = !strcmp(de->d_name, ".") || !strcmp(de->d_name, "..");
	closedir(d);
	return empty;
}

/* The directories on the way to path (below dir) made. */
static int make_dirs(char *path, size_t from)
{
	char *p;

	for (p = path + from; (p = strchr(p, '/')); p++) {
		*p = '\0';
		if (mkdir(path, 0777) < 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return 0;
}

static int init_exec(struct kbq_ctx *ctx)
{
	const char *dir = ctx->args[0];
	size_t i, pre = 0, dl = strlen(dir);
	struct stat st;
	bool made = false;

	if (ctx->o.given & KBQ_O_KB) {
		kbq_error("'init' copies the KB built into kbq: --kb does not apply");
		return 2;
	}
	if (stat(dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode) || !empty_dir(dir)) {
			kbq_error("%s exists and is not an empty directory", dir);
			return 2;
		}
	} else if (errno != ENOENT || mkdir(dir, 0777) < 0) {
		kbq_error("%s: cannot create: %s", dir, strerror(errno));
		return 2;
	} else {
		made = true;
	}
	/* the names are kb/...: the part after the common directory */
	if (kbq_embedded_count) {
		const char *slash = strchr(kbq_embedded_files[0].name, '/');

		pre = slash ? (size_t)(slash - kbq_embedded_files[0].name) + 1 : 0;
	}
	for (i = 0; i < kbq_embedded_count; i++) {
		const struct kb_memfile *m = &kbq_embedded_files[i];
		const char *rel = m->name + pre;
		char *path;

		if (ctx->o.empty && strcmp(rel, "schema.yaml"))
			continue;
		path = xmalloc(dl + strlen(rel) + 2);
		sprintf(path, "%s/%s", dir, rel);
		if (make_dirs(path, dl + 1) < 0 ||
		    kbq_write_new(path, m->data, m->len) < 0) {
			kbq_error("%s: cannot write: %s", path, strerror(errno));
			free(path);
			/* take back what was written */
			while (i-- > 0) {
				path = xmalloc(dl + strlen(kbq_embedded_files[i].name) + 2);
				sprintf(path, "%s/%s", dir, kbq_embedded_files[i].name + pre);
				unlink(path);
				free(path);
			}
			if (made)
				rmdir(dir);
			return 2;
		}
		free(path);
	}
	return 0;
}

const struct kbq_cmd kbq_cmd_init = {
	.name = "init",
	.args = "DIR",
	.summary = "Start a KB in DIR: a copy of the KB built into kbq, or its "
		   "schema alone.",
	.options = KBQ_O_EMPTY,
	.min_args = 1,
	.max_args = 1,
	.needs_kb = false,
	.exec = init_exec,
};
