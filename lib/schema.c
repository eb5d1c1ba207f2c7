/*
 * schema.c - reading schema.yaml: the common fields and the kinds, each
 * with its plural, description and field specs.  Nothing about any
 * particular kind is known here; the schema says it all.
 *
 * The schema is small and nested, so it is read with libyaml's document
 * API rather than the event loop the records use.
 */
#include "kb-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct sp {
	struct kb *kb;
	struct kb_schema *s;
	const char *file;
	size_t len;			/* bytes of the schema file */
	yaml_document_t doc;
	struct kb_error *err;
	struct kb_strmap *common_index;	/* the common fields by name */
};

/*
 * The field specs of all kinds together, each kind's copy of the common
 * fields counted, and the values of their enums, may not outgrow the
 * schema's size by much: 5,000 common fields and 5,000 kinds would
 * otherwise be 25 million specs from 200 KB, and what kbq prints per kind
 * (stats, schema) as much.
 */
#define MAX_SPECS(len) (16 * (len) + 65536)

/* A map the schema owns (freed with it), or NULL when out of memory. */
static struct kb_strmap *new_map(struct sp *sp)
{
	struct kb_schema *s = sp->s;
	struct kb_strmap *m;

	if (s->nmaps % 16 == 0) {
		struct kb_strmap **v = realloc(s->maps, (s->nmaps + 16) *
					       sizeof(*v));
		if (!v)
			return NULL;
		s->maps = v;
	}
	if (!(m = calloc(1, sizeof(*m))))
		return NULL;
	s->maps[s->nmaps++] = m;
	return m;
}

/* name -> i in m, unless name is there already: its index then.  -1 when
 * out of memory. */
static long index_put(struct kb_strmap *m, const char *name, size_t i)
{
	const struct kb_strmap_slot *slot;
	bool added;

	slot = kb_strmap_put(m, name, strlen(name), (void *)(uintptr_t)(i + 1),
			     &added);
	return slot ? (long)((uintptr_t)slot->val - 1) : -1;
}

/* The index of name in m, or -1. */
static long index_get(const struct kb_strmap *m, const char *name, size_t len)
{
	const struct kb_strmap_slot *slot = kb_strmap_find(m, name, len);

	return slot->key ? (long)((uintptr_t)slot->val - 1) : -1;
}

static const char *const type_names[] = {
	[KB_TYPE_STRING] = "string", [KB_TYPE_TEXT] = "text",
	[KB_TYPE_DATE] = "date",     [KB_TYPE_ENUM] = "enum",
	[KB_TYPE_REF] = "ref",	     [KB_TYPE_INT] = "int",
	[KB_TYPE_URL] = "url",
};

const char *kb_type_name(enum kb_type t)
{
	return (size_t)t < sizeof(type_names) / sizeof(*type_names) ?
		       type_names[t] : "?";
}

static int node_err(struct sp *sp, const yaml_node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int node_err(struct sp *sp, const yaml_node_t *n, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = kb_vstrprintf(fmt, ap);
	va_end(ap);
	kb_err(sp->err, KB_ESCHEMA, sp->file,
	       n ? (unsigned)n->start_mark.line + 1 : 0,
	       n ? (unsigned)n->start_mark.column + 1 : 0, "%s",
	       msg ? msg : "out of memory");
	free(msg);
	return KB_ESCHEMA;
}

static const char *str(struct sp *sp, const yaml_node_t *n)
{
	return kb_arena_strndup(&sp->kb->arena, (const char *)n->data.scalar.value,
				n->data.scalar.length);
}

static bool scalar_is(const yaml_node_t *n, const char *s)
{
	return n->type == YAML_SCALAR_NODE && n->data.scalar.length == strlen(s) &&
	       !memcmp(n->data.scalar.value, s, n->data.scalar.length);
}

static yaml_node_t *node(struct sp *sp, int i)
{
	return yaml_document_get_node(&sp->doc, i);
}

static int want(struct sp *sp, const yaml_node_t *n, yaml_node_type_t t,
		const char *what)
{
	static const char *const names[] = { "nothing", "a scalar", "a list",
					     "a mapping" };
	if (n->type != t)
		return node_err(sp, n, "%s must be %s", what, names[t]);
	return 0;
}

static int boolean(struct sp *sp, const yaml_node_t *n, const char *what,
		   bool *out)
{
	if (scalar_is(n, "true"))
		*out = true;
	else if (scalar_is(n, "false"))
		*out = false;
	else
		return node_err(sp, n, "%s must be true or false", what);
	return 0;
}

/* A list of scalars (or one scalar) as an arena array of strings. */
static int strings(struct sp *sp, const yaml_node_t *n, const char *what,
		   const char *const **out, size_t *nout)
{
	const char **v;
	size_t count, i;

	if (n->type == YAML_SCALAR_NODE) {
		v = kb_arena_alloc(&sp->kb->arena, sizeof(*v));
		if (!v || !(v[0] = kb_intern(sp->kb, (const char *)n->data.scalar.value,
					     n->data.scalar.length)))
			return kb_err(sp->err, KB_ENOMEM, sp->file, 0, 0, "out of memory");
		*out = v;
		*nout = 1;
		return 0;
	}
	if (n->type != YAML_SEQUENCE_NODE)
		return node_err(sp, n, "%s must be a list", what);
	count = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
	v = kb_arena_alloc(&sp->kb->arena, (count ? count : 1) * sizeof(*v));
	if (!v)
		return kb_err(sp->err, KB_ENOMEM, sp->file, 0, 0, "out of memory");
	for (i = 0; i < count; i++) {
		yaml_node_t *e = node(sp, n->data.sequence.items.start[i]);
		if (e->type != YAML_SCALAR_NODE)
			return node_err(sp, e, "%s must hold scalars", what);
		if (!(v[i] = kb_intern(sp->kb, (const char *)e->data.scalar.value,
				       e->data.scalar.length)))
			return kb_err(sp->err, KB_ENOMEM, sp->file, 0, 0, "out of memory");
	}
	*out = v;
	*nout = count;
	return 0;
}

static int fieldspec(struct sp *sp, const yaml_node_t *key,
		     const yaml_node_t *n, struct kb_fieldspec *f, bool common)
{
	yaml_node_pair_t *p;
	bool have_type = false;
	size_t i;
	int rc;

	memset(f, 0, sizeof(*f));
	if (key->type != YAML_SCALAR_NODE || !key->data.scalar.length)
		return node_err(sp, key, "a field name must be a non-empty scalar");
	f->name = kb_intern(sp->kb, (const char *)key->data.scalar.value,
			    key->data.scalar.length);
	if (!f->name)
		return kb_err(sp->err, KB_ENOMEM, sp->file, 0, 0, "out of memory");
	if (f->name == sp->kb->id_name || f->name == sp->kb->kind_name)
		return node_err(sp, key, "field '%s' is built in and cannot be "
			       "declared", f->name);
	f->common = common;
	f->line = (uint32_t)key->start_mark.line + 1;
	f->col = (uint32_t)key->start_mark.column + 1;
	if ((rc = want(sp, n, YAML_MAPPING_NODE, "a field spec")))
		return rc;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node(sp, p->key), *v = node(sp, p->value);
		if (scalar_is(k, "type")) {
			if ((rc = want(sp, v, YAML_SCALAR_NODE, "'type'")))
				return rc;
			for (i = 0; i < sizeof(type_names) / sizeof(*type_names); i++)
				if (scalar_is(v, type_names[i]))
					break;
			if (i == sizeof(type_names) / sizeof(*type_names)) {
				const char *sug = kb_suggest((const char *)v->data.scalar.value,
							     type_names, i);
				return node_err(sp, v, "unknown type '%s'%s%s%s",
						(const char *)v->data.scalar.value,
						sug ? " (did you mean '" : "",
						sug ? sug : "", sug ? "'?)" : "");
			}
			f->type = (enum kb_type)i;
			have_type = true;
		} else if (scalar_is(k, "list")) {
			if ((rc = boolean(sp, v, "'list'", &f->list)))
				return rc;
		} else if (scalar_is(k, "required")) {
			if ((rc = boolean(sp, v, "'required'", &f->required)))
				return rc;
		} else if (scalar_is(k, "values")) {
			if ((rc = strings(sp, v, "'values'", &f->values, &f->nvalues)))
				return rc;
		} else if (scalar_is(k, "to")) {
			if ((rc = strings(sp, v, "'to'", &f->to, &f->nto)))
				return rc;
		} else if (scalar_is(k, "pattern")) {
			struct kb_regex *re;
			struct kb_error e;
			if ((rc = want(sp, v, YAML_SCALAR_NODE, "'pattern'")))
				return rc;
			if (!(f->pattern = str(sp, v)))
				return kb_err(sp->err, KB_ENOMEM, sp->file, 0, 0,
					      "out of memory");
			if (kb_regex_compile(&re, f->pattern, strlen(f->pattern),
					     KB_RE_WHOLE, &e)) {
				rc = node_err(sp, v, "bad pattern: %s", e.message);
				kb_error_free(&e);
				return rc;
			}
			if (sp->s->npatterns % 16 == 0) {
				struct kb_regex **pp = realloc(sp->s->patterns,
					(sp->s->npatterns + 16) * sizeof(*pp));
				if (!pp) {
					kb_regex_free(re);
					return kb_err(sp->err, KB_ENOMEM, sp->file,
						      0, 0, "out of memory");
				}
				sp->s->patterns = pp;
			}
			sp->s->patterns[sp->s->npatterns++] = re;
			f->re = re;
		} else if (scalar_is(k, "description")) {
			if ((rc = want(sp, v, YAML_SCALAR_NODE, "'description'")))
				return rc;
			if (!(f->description = str(sp, v)))
				return kb_err(sp->err, KB_ENOMEM, sp->file, 0, 0,
					      "out of memory");
		} else {
			static const char *const keys[] = { "type", "list",
				"required", "values", "to", "pattern", "description" };
			const char *sug = k->type == YAML_SCALAR_NODE ?
				kb_suggest((const char *)k->data.scalar.value, keys, 7) :
				NULL;
			return node_err(sp, k, "unknown key '%s' in the spec of "
					"field '%s'%s%s%s",
					k->type == YAML_SCALAR_NODE ?
					(const char *)k->data.scalar.value : "?",
					f->name, sug ? " (did you mean '" : "",
					sug ? sug : "", sug ? "'?)" : "");
		}
	}
	if (!have_type)
		return node_err(sp, n, "field '%s' has no 'type'", f->name);
	if (f->type == KB_TYPE_ENUM && !f->nvalues)
		return node_err(sp, n, "enum field '%s' has no 'values'", f->name);
	if (f->type != KB_TYPE_ENUM && f->nvalues)
		return node_err(sp, n, "field '%s' has 'values' but is not an enum",
				f->name);
	if (f->type != KB_TYPE_REF && f->nto)
		return node_err(sp, n, "field '%s' has 'to' but is not a ref",
				f->name);
	if (f->type == KB_TYPE_ENUM) {
		struct kb_strmap *m = new_map(sp);

		for (i = 0; m && i < f->nvalues; i++)
			if (index_put(m, f->values[i], i) < 0)
				m = NULL;
		if (!m)
			return kb_err(sp->err, KB_ENOMEM, sp->file, 0, 0,
				      "out of memory");
		f->value_index = m;
	}
	return 0;
}

static int too_many(struct sp *sp, const yaml_node_t *n)
{
	return kb_err(sp->err, KB_ELIMIT, sp->file,
		      (unsigned)n->start_mark.line + 1,
		      (unsigned)n->start_mark.column + 1,
		      "the kinds hold more than %zu field specs and enum "
		      "values, each kind's copy of the common fields counted",
		      MAX_SPECS(sp->len));
}

/* The fields of a mapping node, appended after copies of the nbase common
 * fields `base`, and the index of them all by name. */
static int fieldspecs(struct sp *sp, const yaml_node_t *n, bool common,
		      const struct kb_fieldspec *base, size_t nbase,
		      struct kb_fieldspec **out, size_t *nout,
		      struct kb_strmap **index)
{
	size_t count, i, k, units;
	struct kb_fieldspec *f;
	struct kb_strmap *m;
	yaml_node_pair_t *p;
	long j;
	int rc;

	if ((rc = want(sp, n, YAML_MAPPING_NODE, common ? "'common'" : "'fields'")))
		return rc;
	count = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
	for (i = 0, units = nbase + count; i < nbase; i++)
		units += base[i].nvalues;
	if (sp->s->nspecs + units > MAX_SPECS(sp->len))
		return too_many(sp, n);
	f = kb_arena_alloc(&sp->kb->arena, (nbase + count + 1) * sizeof(*f));
	if (!f || !(m = new_map(sp)))
		return kb_err(sp->err, KB_ENOMEM, sp->file, 0, 0, "out of memory");
	if (nbase)
		memcpy(f, base, nbase * sizeof(*f));
	for (i = 0; i < nbase; i++)
		if (index_put(m, f[i].name, i) < 0)
			return kb_err(sp->err, KB_ENOMEM, sp->file, 0, 0,
				      "out of memory");
	k = nbase;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		struct kb_fieldspec spec;
		if ((rc = fieldspec(sp, node(sp, p->key), node(sp, p->value),
				    &spec, common)))
			return rc;
		if ((j = index_put(m, spec.name, k)) < 0)
			return kb_err(sp->err, KB_ENOMEM, sp->file, 0, 0,
				      "out of memory");
		if ((size_t)j < nbase) {	/* a kind refines a common field */
			f[j] = spec;
			continue;
		}
		if ((size_t)j < k)
			return node_err(sp, node(sp, p->key),
					"field '%s' declared twice", spec.name);
		f[k++] = spec;
		if ((units += spec.nvalues) + sp->s->nspecs > MAX_SPECS(sp->len))
			return too_many(sp, n);
	}
	sp->s->nspecs += units;
	*out = f;
	*nout = k;
	*index = m;
	return 0;
}

static int kinds(struct sp *sp, const yaml_node_t *n)
{
	struct kb_schema *s = sp->s;
	yaml_node_pair_t *p, *q;
	size_t count, i, j;
	int rc;

	if ((rc = want(sp, n, YAML_MAPPING_NODE, "'kinds'")))
		return rc;
	count = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
	s->kinds = kb_arena_alloc(&sp->kb->arena, (count + 1) * sizeof(*s->kinds));
	if (!s->kinds)
		return kb_err(sp->err, KB_ENOMEM, sp->file, 0, 0, "out of memory");
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node(sp, p->key), *v = node(sp, p->value);
		struct kb_kind *kind = &s->kinds[s->nkinds];
		bool have_fields = false;

		memset(kind, 0, sizeof(*kind));
		if (k->type != YAML_SCALAR_NODE || !k->data.scalar.length)
			return node_err(sp, k, "a kind name must be a non-empty scalar");
		kind->name = kb_intern(sp->kb, (const char *)k->data.scalar.value,
				       k->data.scalar.length);
		if (!kind->name)
			return kb_err(sp->err, KB_ENOMEM, sp->file, 0, 0, "out of memory");
		if ((j = (size_t)index_put(&s->kind_index, kind->name,
					   s->nkinds)) == (size_t)-1)
			return kb_err(sp->err, KB_ENOMEM, sp->file, 0, 0, "out of memory");
		if (j != s->nkinds)
			return node_err(sp, k, "kind '%s' declared twice",
					kind->name);
		if ((rc = want(sp, v, YAML_MAPPING_NODE, "a kind")))
			return rc;
		for (q = v->data.mapping.pairs.start; q < v->data.mapping.pairs.top; q++) {
			yaml_node_t *kk = node(sp, q->key), *vv = node(sp, q->value);
			if (scalar_is(kk, "plural")) {
				if ((rc = want(sp, vv, YAML_SCALAR_NODE, "'plural'")))
					return rc;
				kind->plural = str(sp, vv);
			} else if (scalar_is(kk, "description")) {
				if ((rc = want(sp, vv, YAML_SCALAR_NODE, "'description'")))
					return rc;
				kind->description = str(sp, vv);
			} else if (scalar_is(kk, "fields")) {
				struct kb_fieldspec *f;
				struct kb_strmap *m;
				if ((rc = fieldspecs(sp, vv, false, s->common,
						     s->ncommon, &f,
						     &kind->nfields, &m)))
					return rc;
				kind->fields = f;
				kind->field_index = m;
				have_fields = true;
			} else {
				static const char *const keys[] = { "plural",
					"description", "fields" };
				const char *sug = kk->type == YAML_SCALAR_NODE ?
					kb_suggest((const char *)kk->data.scalar.value,
						   keys, 3) : NULL;
				return node_err(sp, kk, "unknown key '%s' in kind "
						"'%s'%s%s%s",
						kk->type == YAML_SCALAR_NODE ?
						(const char *)kk->data.scalar.value : "?",
						kind->name, sug ? " (did you mean '" : "",
						sug ? sug : "", sug ? "'?)" : "");
			}
		}
		if (!have_fields) {
			size_t units = s->ncommon;

			for (i = 0; i < s->ncommon; i++)
				units += s->common[i].nvalues;
			if (s->nspecs + units > MAX_SPECS(sp->len))
				return too_many(sp, v);
			s->nspecs += units;
			kind->fields = s->common;
			kind->nfields = s->ncommon;
			kind->field_index = sp->common_index;
		}
		if (kind->plural &&
		    (i = (size_t)index_put(&s->plural_index, kind->plural,
					   s->nkinds)) != s->nkinds) {
			if (i == (size_t)-1)
				return kb_err(sp->err, KB_ENOMEM, sp->file, 0, 0,
					      "out of memory");
			return node_err(sp, k, "kinds '%s' and '%s' have "
					"the same plural '%s'",
					s->kinds[i].name, kind->name,
					kind->plural);
		}
		s->nkinds++;
	}
	/* Every ref target must be a declared kind: the common fields', then
	 * each kind's own (its copies of the common fields are checked). */
	for (i = 0; i <= s->nkinds; i++) {
		const struct kb_fieldspec *fs = i ? s->kinds[i - 1].fields :
						s->common;
		size_t nf = i ? s->kinds[i - 1].nfields : s->ncommon;

		for (j = 0; j < nf && (!i || fs != s->common); j++) {
			const struct kb_fieldspec *f = &fs[j];
			size_t t;

			if (i && j < s->ncommon && f->line == s->common[j].line &&
			    f->col == s->common[j].col)
				continue;
			for (t = 0; t < f->nto; t++)
				if (index_get(&s->kind_index, f->to[t],
					      strlen(f->to[t])) < 0)
					return kb_err(sp->err, KB_ESCHEMA, sp->file,
						      f->line, f->col,
						      "field '%s' refers to unknown "
						      "kind '%s'", f->name, f->to[t]);
		}
	}
	return 0;
}

/*
 * Where the schema nests deeper than KB_MAX_DEPTH, found with the event
 * parser before yaml_parser_load() builds the document: libyaml's scanner
 * is quadratic in the nesting of flow collections, and [[[[... of 100 KB
 * would take half a minute.  YAML errors are left to the load.
 */
static bool too_deep(const char *data, size_t len, yaml_mark_t *at)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	int depth = 0;
	bool deep = false, done = false;

	if (!yaml_parser_initialize(&parser))
		return false;
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	while (!done && !deep && yaml_parser_parse(&parser, &ev)) {
		switch (ev.type) {
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++depth > KB_MAX_DEPTH) {
				deep = true;
				*at = ev.start_mark;
			}
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_STREAM_END_EVENT:
		case YAML_NO_EVENT:
			done = true;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	return deep;
}

int kb_schema_parse(struct kb *kb, const char *file, const char *data,
		    size_t len, struct kb_error *err)
{
	yaml_parser_t parser;
	struct sp sp;
	yaml_node_t *root, *common = NULL, *kindsn = NULL, *nd;
	yaml_node_pair_t *p;
	yaml_mark_t deep;
	int rc = 0;

	memset(&sp, 0, sizeof(sp));
	sp.kb = kb;
	sp.file = file;
	sp.len = len;
	sp.err = err;
	if (!(sp.s = calloc(1, sizeof(*sp.s))))
		return kb_err(err, KB_ENOMEM, file, 0, 0, "out of memory");
	sp.s->file = file;
	if (too_deep(data, len, &deep)) {
		free(sp.s);
		return kb_err(err, KB_ELIMIT, file, (unsigned)deep.line + 1,
			      (unsigned)deep.column + 1,
			      "the schema nests deeper than %d levels",
			      KB_MAX_DEPTH);
	}
	if (!yaml_parser_initialize(&parser)) {
		free(sp.s);
		return kb_err(err, KB_ENOMEM, file, 0, 0, "out of memory");
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	if (!yaml_parser_load(&parser, &sp.doc)) {
		/* the same shape as the records' YAML errors (load.c): a
		 * reader error located from its byte offset, the context
		 * with its own position */
		if (parser.error == YAML_READER_ERROR) {
			unsigned line = 1, col = 1;
			size_t i;
			for (i = 0; i < parser.problem_offset && i < len; i++) {
				if (data[i] == '\n') {
					line++;
					col = 1;
				} else if ((data[i] & 0xC0) != 0x80 && data[i] != '\r') {
					col++;
				}
			}
			if (parser.problem_value != -1)
				rc = kb_err(err, KB_ESYNTAX, file, line, col,
					    "yaml: %s (byte 0x%02X)",
					    parser.problem ? parser.problem :
					    "reader error",
					    (unsigned)parser.problem_value & 0xFF);
			else
				rc = kb_err(err, KB_ESYNTAX, file, line, col,
					    "yaml: %s", parser.problem ?
					    parser.problem : "reader error");
		} else if (parser.context) {
			rc = kb_err(err, KB_ESYNTAX, file,
				    (unsigned)parser.problem_mark.line + 1,
				    (unsigned)parser.problem_mark.column + 1,
				    "yaml: %s (%s at %u:%u)",
				    parser.problem ? parser.problem : "syntax error",
				    parser.context,
				    (unsigned)parser.context_mark.line + 1,
				    (unsigned)parser.context_mark.column + 1);
		} else {
			rc = kb_err(err, KB_ESYNTAX, file,
				    (unsigned)parser.problem_mark.line + 1,
				    (unsigned)parser.problem_mark.column + 1,
				    "yaml: %s",
				    parser.problem ? parser.problem : "syntax error");
		}
		yaml_parser_delete(&parser);
		kb_schema_release(sp.s);
		return rc;
	}
	yaml_parser_delete(&parser);
	/* names and values are C strings from here on (SPEC 5) */
	for (nd = sp.doc.nodes.start; nd < sp.doc.nodes.top; nd++)
		if (nd->type == YAML_SCALAR_NODE &&
		    memchr(nd->data.scalar.value, '\0', nd->data.scalar.length)) {
			rc = node_err(&sp, nd, "a NUL byte (\\0) in a scalar");
			goto out;
		}
	root = yaml_document_get_root_node(&sp.doc);
	if (!root) {
		rc = kb_err(err, KB_ESCHEMA, file, 1, 1, "the schema is empty");
		goto out;
	}
	if ((rc = want(&sp, root, YAML_MAPPING_NODE, "the schema")))
		goto out;
	for (p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node(&sp, p->key);
		if (scalar_is(k, "common")) {
			common = node(&sp, p->value);
		} else if (scalar_is(k, "kinds")) {
			kindsn = node(&sp, p->value);
		} else {
			static const char *const keys[] = { "common", "kinds" };
			const char *sug = k->type == YAML_SCALAR_NODE ?
				kb_suggest((const char *)k->data.scalar.value, keys, 2) :
				NULL;
			rc = node_err(&sp, k, "unknown key '%s' in the schema%s%s%s",
				      k->type == YAML_SCALAR_NODE ?
				      (const char *)k->data.scalar.value : "?",
				      sug ? " (did you mean '" : "", sug ? sug : "",
				      sug ? "'?)" : "");
			goto out;
		}
	}
	if (common && (rc = fieldspecs(&sp, common, true, NULL, 0, &sp.s->common,
				       &sp.s->ncommon, &sp.common_index)))
		goto out;
	if (!kindsn) {
		rc = node_err(&sp, root, "the schema has no 'kinds'");
		goto out;
	}
	rc = kinds(&sp, kindsn);
out:
	yaml_document_delete(&sp.doc);
	if (rc) {
		kb_schema_release(sp.s);
		return rc;
	}
	kb->schema = sp.s;
	return 0;
}

void kb_schema_release(struct kb_schema *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->npatterns; i++)
		kb_regex_free(s->patterns[i]);
	free(s->patterns);
	for (i = 0; i < s->nmaps; i++) {
		kb_strmap_free(s->maps[i]);
		free(s->maps[i]);
	}
	free(s->maps);
	kb_strmap_free(&s->kind_index);
	kb_strmap_free(&s->plural_index);
	free(s);
}

bool kb_has_schema(const struct kb *kb)
{
	return kb->schema != NULL;
}

const char *kb_schema_file(const struct kb *kb)
{
	return kb->schema ? kb->schema->file : NULL;
}

size_t kb_kind_count(const struct kb *kb)
{
	return kb->schema ? kb->schema->nkinds : 0;
}

const struct kb_kind *kb_kind_at(const struct kb *kb, size_t i)
{
	return kb->schema && i < kb->schema->nkinds ? &kb->schema->kinds[i] : NULL;
}

/* Few kinds, fields or values are compared one by one (a pointer first:
 * names are interned); more are looked up in their index. */
#define SCAN_MAX 8

const struct kb_kind *kb_kind_find(const struct kb *kb, const char *name)
{
	const struct kb_schema *s = kb->schema;
	size_t i;
	long k;

	if (!s || !name)
		return NULL;
	if (s->nkinds <= SCAN_MAX) {
		KB_WORK_ADD(lookup_probes, s->nkinds);
		for (i = 0; i < s->nkinds; i++)
			if (s->kinds[i].name == name)
				return &s->kinds[i];
		for (i = 0; i < s->nkinds; i++)
			if (!strcmp(s->kinds[i].name, name))
				return &s->kinds[i];
		return NULL;
	}
	k = index_get(&s->kind_index, name, strlen(name));
	return k < 0 ? NULL : &s->kinds[k];
}

const struct kb_kind *kb_kind_by_plural(const struct kb *kb, const char *plural)
{
	long k;

	if (!kb->schema)
		return NULL;
	k = index_get(&kb->schema->plural_index, plural, strlen(plural));
	return k < 0 ? NULL : &kb->schema->kinds[k];
}

const struct kb_fieldspec *kb_kind_field(const struct kb_kind *kind,
					 const char *name)
{
	size_t i;
	long k;

	if (!kind)
		return NULL;
	if (kind->nfields <= SCAN_MAX || !kind->field_index) {
		KB_WORK_ADD(lookup_probes, kind->nfields);
		for (i = 0; i < kind->nfields; i++)
			if (kind->fields[i].name == name)
				return &kind->fields[i];
		for (i = 0; i < kind->nfields; i++)
			if (!strcmp(kind->fields[i].name, name))
				return &kind->fields[i];
		return NULL;
	}
	k = index_get(kind->field_index, name, strlen(name));
	return k < 0 ? NULL : &kind->fields[k];
}

size_t kb_enum_index(const struct kb_fieldspec *f, const char *s, size_t len)
{
	size_t i;
	long k;

	if (f->nvalues <= SCAN_MAX || !f->value_index) {
		KB_WORK_ADD(lookup_probes, f->nvalues);
		for (i = 0; i < f->nvalues; i++)
			if (strlen(f->values[i]) == len &&
			    !memcmp(f->values[i], s, len))
				return i;
		return (size_t)-1;
	}
	k = index_get(f->value_index, s, len);
	return k < 0 ? (size_t)-1 : (size_t)k;
}
