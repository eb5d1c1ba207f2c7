/*
 * main.c - kbq's entry point: options anywhere before "--", the command
 * table, help, and opening the KB (the one given, or the one built in).
 */
#include "kbq.h"

#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef KBQ_VERSION
#define KBQ_VERSION "unknown"
#endif

/* The shipped KB, compiled in by cmd/embed.c at build time. */
extern const struct kb_memfile kbq_embedded_files[];
extern const size_t kbq_embedded_count;

const struct kbq_cmd *const kbq_commands[] = {
	&kbq_cmd_find, &kbq_cmd_show, &kbq_cmd_grep, &kbq_cmd_validate,
	&kbq_cmd_timeline, &kbq_cmd_stats, &kbq_cmd_schema, &kbq_cmd_help,
	&kbq_cmd_diff, &kbq_cmd_log,
	&kbq_cmd_init, &kbq_cmd_add, &kbq_cmd_set, &kbq_cmd_rm, &kbq_cmd_mv,
	NULL,
};

struct opt {
	const char *lng;
	char shrt;
	int arg;		/* 0 none, 1 required, 2 optional (--x=V only) */
	unsigned bit;
	const char *metavar;
	const char *help;
};

static const struct opt options[] = {
	{ "kb", 0, 1, KBQ_O_KB, "PATH",
	  "the knowledge base: a directory, a file, - or REV:PATH (default: "
	  "$KBQ_KB, else the KB built into kbq)" },
	{ "schema", 0, 1, KBQ_O_SCHEMA, "FILE",
	  "the schema to use instead of the KB's schema.yaml" },
	{ "output", 'o', 1, KBQ_O_OUTPUT, "FORMAT",
	  "text, tsv, csv, json, jsonl, yaml or id (default: text)" },
	{ "fields", 0, 1, KBQ_O_FIELDS, "LIST",
	  "comma-separated field paths to print; a.b follows ref a" },
	{ "count-by", 0, 1, KBQ_O_COUNTBY, "LIST",
	  "count the matches by the values of these paths, most frequent "
	  "first" },
	{ "sort", 0, 1, KBQ_O_SORT, "PATH",
	  "sort by a field path, by its type (dates as periods)" },
	{ "reverse", 0, 0, KBQ_O_REVERSE, NULL, "reverse the order" },
	{ "limit", 0, 1, KBQ_O_LIMIT, "N", "print at most N results" },
	{ "count", 'c', 0, KBQ_O_COUNT, NULL,
	  "print only the number of results" },
	{ "quiet", 'q', 0, KBQ_O_QUIET, NULL,
	  "print nothing; the exit status tells" },
	{ "ignore-case", 'i', 0, KBQ_O_ICASE, NULL,
	  "case-insensitive = and ~ on text" },
	{ "fixed-strings", 'F', 0, KBQ_O_FIXED, NULL,
	  "~ matches a literal substring, not a regex" },
	{ "null", '0', 0, KBQ_O_NULL, NULL,
	  "with -o id, end each id with a NUL byte, not a newline" },
	{ "as-of", 0, 1, KBQ_O_ASOF, "DATE",
	  "keep only records in force on DATE" },
	{ "color", 0, 2, KBQ_O_COLOR, "WHEN",
	  "auto, always or never (auto: on a terminal, unless NO_COLOR)" },
	{ "help", 'h', 0, KBQ_O_HELP, NULL, "show this help" },
	{ "version", 0, 0, KBQ_O_VERSION, NULL, "print kbq's version" },
	{ "stat", 0, 0, KBQ_O_STAT, NULL,
	  "print how many records of each kind were added, removed, changed" },
	{ "since", 0, 1, KBQ_O_SINCE, "DATE",
	  "only commits made on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)" },
	{ "dry-run", 'n', 0, KBQ_O_DRYRUN, NULL,
	  "print the change as a unified diff; write nothing" },
	{ "force", 0, 0, KBQ_O_FORCE, NULL,
	  "remove records that other records refer to" },
	{ "file", 0, 1, KBQ_O_FILE, "FILE",
	  "the file to add the record to (default: the one holding most "
	  "records of its kind)" },
	{ "empty", 0, 0, KBQ_O_EMPTY, NULL, "write the schema alone, no records" },
	{ "list", 0, 1, KBQ_O_LIST, "WHAT", NULL },	/* for completion */
	{ NULL, 0, 0, 0, NULL, NULL },
};

static const char *const formats[] = { "text", "tsv", "csv", "json", "jsonl",
				       "yaml", "id" };
#define NFORMATS (sizeof(formats) / sizeof(*formats))

unsigned kbq_cmd_formats(const struct kbq_cmd *cmd)
{
	if (!(cmd->options & KBQ_O_OUTPUT))
		return KBQ_F(TEXT);
	return cmd->formats ? cmd->formats : (1u << NFORMATS) - 1;
}

/* "text, json or id" */
static void format_list(unsigned bits, char *buf, size_t n)
{
	size_t i, k = 0, total = 0, used = 0;

	for (i = 0; i < NFORMATS; i++)
		total += (bits >> i) & 1;
	buf[0] = '\0';
	for (i = 0; i < NFORMATS; i++) {
		if (!((bits >> i) & 1))
			continue;
		k++;
		used += (size_t)snprintf(buf + used, used < n ? n - used : 0,
					 "%s%s", k == 1 ? "" : k == total ?
					 " or " : ", ", formats[i]);
	}
}

/* The per-kind listing command, resolved against the KB's schema. */
const struct kbq_cmd *kbq_lookup(const char *name)
{
	size_t i;

	for (i = 0; kbq_commands[i]; i++)
		if (!strcmp(kbq_commands[i]->name, name))
			return kbq_commands[i];
	return NULL;
}

static void print_opt(FILE *fp, const struct opt *o)
{
	char left[64];

	if (o->shrt)
		snprintf(left, sizeof(left), "-%c, --%s%s%s", o->shrt, o->lng,
			 o->metavar ? " " : "", o->metavar ? o->metavar : "");
	else if (o->arg == 2)
		snprintf(left, sizeof(left), "    --%s[=%s]", o->lng, o->metavar);
	else
		snprintf(left, sizeof(left), "    --%s%s%s", o->lng,
			 o->metavar ? " " : "", o->metavar ? o->metavar : "");
	fprintf(fp, "  %-24s %s\n", left, o->help);
}

void kbq_usage(FILE *fp, const struct kbq_cmd *cmd, const char *name)
{
	size_t i;

	if (!cmd) {
		fprintf(fp, "usage: kbq [--kb PATH] [--schema FILE] COMMAND "
			    "[OPTIONS] [ARGS]\n\n"
			    "Query a knowledge base of YAML records.\n\n"
			    "commands:\n");
		for (i = 0; kbq_commands[i]; i++)
			fprintf(fp, "  %-10s %s\n", kbq_commands[i]->name,
				kbq_commands[i]->summary);
		fprintf(fp, "  %-10s %s\n", "KINDS",
			"each kind's plural from the schema (actors, controls, "
			"...): find restricted to that kind");
		fprintf(fp, "\noptions:\n");
		for (i = 0; options[i].lng; i++)
			if (options[i].bit & (KBQ_O_GLOBAL | KBQ_O_VERSION))
				print_opt(fp, &options[i]);
		fprintf(fp, "\n'kbq help COMMAND' or 'kbq COMMAND -h' shows a "
			    "command's options; man kbq for more.\n");
		return;
	}
	fputs("usage: kbq [--kb PATH] [--schema FILE] ", fp);
	kbq_esc_puts(fp, name);	/* a kind's plural comes from the KB */
	fprintf(fp, " [OPTIONS]%s%s\n\n", *cmd->args ? " " : "", cmd->args);
	fprintf(fp, "%s\n\noptions:\n", cmd->summary);
	for (i = 0; options[i].lng; i++) {
		struct opt o = options[i];
		char help[128];

		if (!o.help || !(o.bit & (cmd->options | KBQ_O_GLOBAL)))
			continue;
		if (o.bit == KBQ_O_OUTPUT) {
			/* exactly the formats this command prints */
			format_list(kbq_cmd_formats(cmd), help, sizeof(help));
			strncat(help, " (default: text)",
				sizeof(help) - strlen(help) - 1);
			o.help = help;
		}
		print_opt(fp, &o);
	}
	if (strstr(cmd->args, "EXPR"))
		fputs("\nEXPR is one or more terms, each one shell word, joined "
		      "by 'and' (or\nnothing), 'or', 'not' and parentheses: "
		      "FIELD=VALUE, FIELD!=VALUE,\nFIELD~REGEX, FIELD!~REGEX, "
		      "FIELD<VALUE (<=, >, >=), FIELD?, ~REGEX.\nFIELD may "
		      "follow a ref: REF.FIELD=VALUE.  See kbq-query(7).\n",
		      fp);
}

static const struct opt *find_long(const char *s, size_t len)
{
	size_t i;

	for (i = 0; options[i].lng; i++)
		if (strlen(options[i].lng) == len && !strncmp(options[i].lng, s, len))
			return &options[i];
	return NULL;
}

static int set_opt(struct kbq_opts *o, const struct opt *d, const char *val)
{
	char *end;
	size_t i;

	o->given |= d->bit;
	switch (d->bit) {
	case KBQ_O_KB: o->kb = val; break;
	case KBQ_O_SCHEMA: o->schema = val; break;
	case KBQ_O_OUTPUT:
		for (i = 0; i < NFORMATS; i++)
			if (!strcmp(val, formats[i]))
				break;
		if (i == NFORMATS) {
			const char *s = kb_suggest(val, formats, i);
			kbq_error("unknown output format '%s'%s%s%s (text, tsv, "
				  "csv, json, jsonl, yaml, id)", val,
				  s ? " (did you mean '" : "", s ? s : "",
				  s ? "'?)" : "");
			return -1;
		}
		o->format = (enum kbq_format)i;
		o->format_set = true;
		break;
	case KBQ_O_FIELDS: o->fields = val; break;
	case KBQ_O_COUNTBY: o->count_by = val; break;
	case KBQ_O_SORT: o->sort = val; break;
	case KBQ_O_REVERSE: o->reverse = true; break;
	case KBQ_O_LIMIT:
		errno = 0;
		o->limit = strtol(val, &end, 10);
		if (errno || end == val || *end || o->limit < 0) {
			kbq_error("--limit wants a number of 0 or more, not '%s'",
				  val);
			return -1;
		}
		break;
	case KBQ_O_COUNT: o->count = true; break;
	case KBQ_O_QUIET: o->quiet = true; break;
	case KBQ_O_ICASE: o->icase = true; break;
	case KBQ_O_FIXED: o->fixed = true; break;
	case KBQ_O_NULL: o->null = true; break;
	case KBQ_O_ASOF: o->as_of = val; break;
	case KBQ_O_COLOR:
		if (!val || !strcmp(val, "always"))
			o->color = 1;
		else if (!strcmp(val, "never"))
			o->color = 2;
		else if (!strcmp(val, "auto"))
			o->color = 0;
		else {
			kbq_error("--color wants auto, always or never, not '%s'",
				  val);
			return -1;
		}
		break;
	case KBQ_O_HELP: o->help = true; break;
	case KBQ_O_VERSION: o->version = true; break;
	case KBQ_O_LIST: o->list = val; break;
	case KBQ_O_STAT: o->stat = true; break;
	case KBQ_O_SINCE: o->since = val; break;
	case KBQ_O_DRYRUN: o->dry_run = true; break;
	case KBQ_O_FORCE: o->force = true; break;
	case KBQ_O_FILE: o->file = val; break;
	case KBQ_O_EMPTY: o->empty = true; break;
	}
	return 0;
}

/*
 * Options may stand anywhere before "--"; the other words are the command
 * and its arguments, in order.
 */
static int parse_args(int argc, char **argv, struct kbq_opts *o,
		      const char ***words, size_t *nwords)
{
	const char **w = xcalloc((size_t)argc + 1, sizeof(*w));
	size_t n = 0;
	int i;

	memset(o, 0, sizeof(*o));
	o->limit = -1;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const struct opt *d;

		if (!strcmp(a, "--")) {
			while (++i < argc)
				w[n++] = argv[i];
			break;
		}
		if (a[0] == '-' && a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
			const char *val = eq ? eq + 1 : NULL;

			if (!(d = find_long(a + 2, len))) {
				const char *names[32];
				size_t k;
				for (k = 0; options[k].lng && k < 32; k++)
					names[k] = options[k].lng;
				{
					char want[128];
					const char *s;
					snprintf(want, sizeof(want), "%.*s", (int)len, a + 2);
					s = kb_suggest(want, names, k);
					kbq_error("unknown option '--%s'%s%s%s", want,
						  s ? " (did you mean '--" : "",
						  s ? s : "", s ? "'?)" : "");
				}
				goto fail;
			}
			if (d->arg == 0 && val) {
				kbq_error("option '--%s' takes no value", d->lng);
				goto fail;
			}
			if (d->bit == KBQ_O_COLOR && !val && i + 1 < argc &&
			    (!strcmp(argv[i + 1], "always") ||
			     !strcmp(argv[i + 1], "never") ||
			     !strcmp(argv[i + 1], "auto"))) {
				kbq_error("option '--color' takes its value after "
					  "'=': write '--color=%s'", argv[i + 1]);
				goto fail;
			}
			if (d->arg == 1 && !val) {
				if (i + 1 >= argc) {
					kbq_error("option '--%s' needs a value (%s)",
						  d->lng, d->metavar);
					goto fail;
				}
				val = argv[++i];
			}
			if (set_opt(o, d, val) < 0)
				goto fail;
			continue;
		}
		if (a[0] == '-' && a[1]) {
			const char *p;
			for (p = a + 1; *p; p++) {
				size_t k;
				for (k = 0; options[k].lng; k++)
					if (options[k].shrt == *p)
						break;
				if (!options[k].lng) {
					kbq_error("unknown option '-%c'", *p);
					goto fail;
				}
				d = &options[k];
				if (d->arg == 1) {
					const char *val = p[1] ? p + 1 : NULL;
					if (!val) {
						if (i + 1 >= argc) {
							kbq_error("option '-%c' needs a "
								  "value (%s)", *p,
								  d->metavar);
							goto fail;
						}
						val = argv[++i];
					}
					if (set_opt(o, d, val) < 0)
						goto fail;
					break;
				}
				if (set_opt(o, d, NULL) < 0)
					goto fail;
			}
			continue;
		}
		w[n++] = a;
	}
	*words = w;
	*nwords = n;
	return 0;
fail:
	free(w);
	return -1;
}

static bool want_color(int setting, int fd)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");

	if (setting == 1)
		return true;
	if (setting == 2)
		return false;
	/* NO_COLOR set at all, even empty, turns colour off (SPEC 2) */
	return isatty(fd) && !nc && !(term && !strcmp(term, "dumb"));
}

const char *kbq_kb_path(const struct kbq_ctx *ctx)
{
	const char *env = getenv("KBQ_KB");

	if (ctx->o.given & KBQ_O_KB)
		return ctx->o.kb;
	return env && *env ? env : NULL;
}

enum kbq_source kbq_kb_source(const char *path)
{
	struct stat st;

	if (!path)
		return KBQ_KB_BUILTIN;
	if (!strcmp(path, "-"))
		return KBQ_KB_STDIN;
	/* a path that exists is a path, never a revision (SPEC 3) */
	if (stat(path, &st) == 0 || !strchr(path, ':'))
		return KBQ_KB_PATH;
	return KBQ_KB_REV;
}

int kbq_open(struct kbq_ctx *ctx, struct kb_error *err)
{
	return kbq_open_kb(ctx, kbq_kb_path(ctx), &ctx->kb, err);
}

int kbq_open_kb(const struct kbq_ctx *ctx, const char *path, struct kb **out,
		struct kb_error *err)
{
	struct kb_open_opts oo = { .schema = ctx->o.schema, .stream = ctx->stream };
	const char *threads = getenv("KBQ_THREADS");

	if (threads && *threads) {
		char *end;
		unsigned long n;

		errno = 0;
		n = strtoul(threads, &end, 10);
		if (*end || errno || n < 1 || n > 64 || !isdigit((unsigned char)*threads))
			return kb_err(err, KB_EUSAGE, NULL, 0, 0,
				      "KBQ_THREADS: '%s' is not a number of "
				      "threads from 1 to 64", threads);
		oo.threads = (unsigned)n;
	}
	if (path && !*path)
		return kb_err(err, KB_EUSAGE, NULL, 0, 0,
			      "--kb names no path (a directory, a file, - for "
			      "standard input, or REV:PATH)");
	switch (kbq_kb_source(path)) {
	case KBQ_KB_BUILTIN:
		return kb_open_mem(out, kbq_embedded_files,
				   kbq_embedded_count, &oo, err);
	case KBQ_KB_STDIN:
		/* one KB file from a pipe; read once, so ids are kept whole */
		oo.display = "<stdin>";
		return kb_open(out, "/dev/stdin", &oo, err);
	case KBQ_KB_REV:
		return kbq_git_open(path, &oo, out, err);
	case KBQ_KB_PATH:
		break;
	}
	return kb_open(out, path, &oo, err);
}

int kbq_open_report(struct kbq_ctx *ctx)
{
	struct kb_error err;

	if (kbq_open(ctx, &err)) {
		kbq_report(&err, NULL, 0);
		return -1;
	}
	return 0;
}

static int read_on(const struct kb_record *rec, void *ud)
{
	(void)rec;
	(void)ud;
	return 0;
}

void kbq_unknown_command(const char *name, const struct kb *kb)
{
	const char *cands[256];
	size_t n = 0, i;
	const char *s;

	for (i = 0; kbq_commands[i] && n < 256; i++)
		cands[n++] = kbq_commands[i]->name;
	for (i = 0; kb && i < kb_kind_count(kb) && n < 256; i++)
		if (kb_kind_at(kb, i)->plural)
			cands[n++] = kb_kind_at(kb, i)->plural;
	s = kb_suggest(name, cands, n);
	kbq_error("unknown command '%s'%s%s%s", name,
		  s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
	kbq_try(NULL);
}

void kbq_try(const char *name)
{
	fputs("Try 'kbq ", stderr);
	if (name) {
		kbq_esc_puts(stderr, name);
		fputs(" -h", stderr);
	} else {
		fputs("help", stderr);
	}
	fputs("' for more information.\n", stderr);
}

/* The command a command line names, for a hint after an error in its
 * options: the first word that is a built-in command's name. */
static const char *command_word(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (argv[i][0] != '-' && kbq_lookup(argv[i]))
			return argv[i];
	return NULL;
}

int main(int argc, char **argv)
{
	const struct kbq_cmd *cmd;
	struct kbq_ctx ctx;
	const char **words;
	size_t nwords, i;
	int rc;

	/* Only for character widths in tables: text stays bytes. */
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "");
	memset(&ctx, 0, sizeof(ctx));
	if (parse_args(argc, argv, &ctx.o, &words, &nwords) < 0) {
		kbq_try(command_word(argc, argv));
		return 2;
	}
	ctx.color = want_color(ctx.o.color, 1);
	ctx.color_err = want_color(ctx.o.color, 2);
	if (ctx.o.version) {
		printf("kbq %s\n", KBQ_VERSION);
		free(words);
		return kbq_finish(0);
	}
	if (!nwords) {
		kbq_usage(ctx.o.help ? stdout : stderr, NULL, NULL);
		free(words);
		return ctx.o.help ? kbq_finish(0) : 2;
	}
	ctx.name = words[0];
	cmd = kbq_lookup(words[0]);
	/* The listing commands read the KB as a stream; kbq_compile() reads
	 * it whole instead once the query turns out to follow refs.  schema
	 * and its lists need no record. */
	if (!cmd || cmd == &kbq_cmd_find || cmd == &kbq_cmd_timeline ||
	    cmd == &kbq_cmd_stats || cmd == &kbq_cmd_schema ||
	    cmd == &kbq_cmd_grep)
		ctx.stream = true;
	if (cmd && ctx.o.help) {	/* no KB needed to describe a command */
		kbq_usage(stdout, cmd, ctx.name);
		free(words);
		return kbq_finish(0);
	}
	if (!cmd || cmd->needs_kb) {
		if (kbq_open_report(&ctx) < 0) {
			free(words);
			return 2;
		}
	}
	if (!cmd) {
		ctx.kind = kb_kind_by_plural(ctx.kb, words[0]);
		if (!ctx.kind) {
			struct kb_error err;
			/* a KB that cannot be read says so first */
			if (ctx.stream && kb_stream(ctx.kb, read_on, NULL, &err))
				kbq_report(&err, NULL, 0);
			else
				kbq_unknown_command(words[0], ctx.kb);
			kb_free(ctx.kb);
			free(words);
			return 2;
		}
		cmd = &kbq_cmd_kind;
	}
	ctx.cmd = cmd;
	if (ctx.o.help) {
		kbq_usage(stdout, cmd, ctx.name);
		kb_free(ctx.kb);
		free(words);
		return kbq_finish(0);
	}
	for (i = 0; options[i].lng; i++) {
		unsigned bit = options[i].bit;
		if ((ctx.o.given & bit) && !((cmd->options | KBQ_O_GLOBAL) & bit)) {
			kbq_error("option '--%s' does not apply to '%s'",
				  options[i].lng, ctx.name);
			kbq_try(ctx.name);
			kb_free(ctx.kb);
			free(words);
			return 2;
		}
	}
	if (ctx.o.format_set &&
	    !(kbq_cmd_formats(cmd) & (1u << ctx.o.format))) {
		char list[128];
		format_list(kbq_cmd_formats(cmd), list, sizeof(list));
		kbq_error("'%s' prints %s, not %s", ctx.name, list,
			  formats[ctx.o.format]);
		kb_free(ctx.kb);
		free(words);
		return 2;
	}
	if (ctx.o.null && ctx.o.format_set && ctx.o.format != KBQ_FMT_ID) {
		kbq_error("-0/--null goes with -o id");
		kb_free(ctx.kb);
		free(words);
		return 2;
	}
	if (ctx.o.null && !ctx.o.format_set) {
		ctx.o.format = KBQ_FMT_ID;
		ctx.o.format_set = true;
	}
	ctx.args = words + 1;
	ctx.nargs = nwords - 1;
	if ((int)ctx.nargs < cmd->min_args ||
	    (cmd->max_args >= 0 && (int)ctx.nargs > cmd->max_args)) {
		if ((int)ctx.nargs < cmd->min_args)
			kbq_error("'%s' needs %s", ctx.name, cmd->args);
		else if (cmd->max_args == 0)
			kbq_error("'%s' takes no arguments", ctx.name);
		else
			kbq_error("'%s' takes at most %d argument%s (%s)",
				  ctx.name, cmd->max_args,
				  cmd->max_args == 1 ? "" : "s", cmd->args);
		fputs("usage: kbq ", stderr);
		kbq_esc_puts(stderr, ctx.name);
		fprintf(stderr, " [OPTIONS]%s%s\n", *cmd->args ? " " : "",
			cmd->args);
		kbq_try(ctx.name);
		kb_free(ctx.kb);
		free(words);
		return 2;
	}
	rc = cmd->exec(&ctx);
	kb_free(ctx.kb);
	free(words);
	return kbq_finish(rc);
}
