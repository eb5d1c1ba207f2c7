/*
 * yspan.c - where a YAML text writes each part of its records.
 *
 * The loader (load.c) keeps what records say; editing them in place also
 * needs where each part is written: the byte spans of every record, key,
 * value and list element, their styles (plain, quoted, block scalar; block
 * or flow collections), the '-' of each block sequence element, the ':'
 * after each key, and the anchors and the aliases that name them.  One pass
 * over libyaml's events gives all of it; nothing here changes a byte.
 *
 * libyaml's marks count characters (a code point, or the two of "\r\n"),
 * not bytes, and a leading BOM not at all: a cursor that only moves forward
 * turns them into byte offsets, since events come in the order of the text.
 */
#include "kb-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct ys_parser {
	struct ys_file *f;
	const char *name;
	yaml_parser_t p;
	yaml_event_t ev;
	bool have;
	size_t ci, bo;		/* a character index and its byte offset */
	struct kb_strmap amap;	/* the document's anchors: name -> index + 1 */
	uint32_t doc;
	struct kb_error *err;
};

#define YS_MAX_DEPTH 64

/* ---- line arithmetic ------------------------------------------------------ */

size_t ys_line_start(const char *s, size_t off)
{
	while (off && s[off - 1] != '\n' && s[off - 1] != '\r')
		off--;
	return off;
}

size_t ys_line_end(const char *s, size_t len, size_t off)
{
	while (off < len && s[off] != '\n' && s[off] != '\r')
		off++;
	return off;
}

size_t ys_next_line(const char *s, size_t len, size_t off)
{
	off = ys_line_end(s, len, off);
	if (off < len && s[off] == '\r')
		return off + 1 < len && s[off + 1] == '\n' ? off + 2 : off + 1;
	return off < len ? off + 1 : off;
}

size_t ys_count_lines(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, lines = 0;

	for (i = 0; i < n; i++) {
		if (u[i] == '\n')
			lines++;
		else if (u[i] == '\r' && !(i + 1 < n && u[i + 1] == '\n'))
			lines++;
		else if (u[i] == 0xC2 && i + 1 < n && u[i + 1] == 0x85)
			lines++;
		else if (u[i] == 0xE2 && i + 2 < n && u[i + 1] == 0x80 &&
			 (u[i + 2] == 0xA8 || u[i + 2] == 0xA9))
			lines++;
	}
	return lines;
}

/* ---- errors and events ------------------------------------------------------ */

static int fail(struct ys_parser *ps, enum kb_code code, yaml_mark_t m,
		const char *msg)
{
	return kb_err(ps->err, code, ps->name,
		      (unsigned)(ps->f->base_line + m.line + 1),
		      (unsigned)m.column + 1, "%s", msg);
}

static int next(struct ys_parser *ps)
{
	if (ps->have) {
		yaml_event_delete(&ps->ev);
		ps->have = false;
	}
	if (!yaml_parser_parse(&ps->p, &ps->ev)) {
		yaml_parser_t *p = &ps->p;

		if (p->error == YAML_MEMORY_ERROR)
			return kb_err(ps->err, KB_ENOMEM, ps->name, 0, 0,
				      "out of memory");
		return kb_err(ps->err, KB_ESYNTAX, ps->name,
			      (unsigned)(ps->f->base_line + p->problem_mark.line + 1),
			      (unsigned)p->problem_mark.column + 1, "yaml: %s",
			      p->problem ? p->problem : "syntax error");
	}
	ps->have = true;
	return 0;
}

/* The byte offset of character index `index`. */
static size_t off_of(struct ys_parser *ps, size_t index)
{
	const unsigned char *d = (const unsigned char *)ps->f->data;
	size_t len = ps->f->len;

	if (index < ps->ci) {	/* never in event order; kept correct anyway */
		ps->ci = 0;
		ps->bo = ps->f->skip;
	}
	while (ps->ci < index && ps->bo < len) {
		unsigned char c = d[ps->bo];

		ps->bo += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		ps->ci++;
	}
	return ps->bo < len ? ps->bo : len;
}

static int grow(struct ys_parser *ps, void **v, size_t *cap, size_t n,
		size_t size)
{
	if (n < *cap)
		return 0;
	if (kb_grow(v, cap, n + 1, size) < 0)
		return kb_err(ps->err, KB_ENOMEM, ps->name, 0, 0, "out of memory");
	return 0;
}

#define PUSH(ps, arr, n, cap) \
	grow((ps), (void **)&(ps)->f->arr, &(ps)->f->cap, (ps)->f->n, \
	     sizeof(*(ps)->f->arr))

/* ---- nodes -------------------------------------------------------------------- */

/* After a node's anchor and tag (and the blanks after them). */
static size_t skip_props(const char *d, size_t p, size_t end)
{
	while (p < end && (d[p] == '&' || d[p] == '!')) {
		if (d[p] == '!' && p + 1 < end && d[p + 1] == '<') {
			while (p < end && d[p] != '>')
				p++;
			if (p < end)
				p++;
		} else {
			while (p < end && d[p] != ' ' && d[p] != '\t' &&
			       d[p] != '\n' && d[p] != '\r')
				p++;
		}
		while (p < end) {
			if (d[p] == ' ' || d[p] == '\t' || d[p] == '\n' ||
			    d[p] == '\r') {
				p++;
			} else if (d[p] == '#') {
				while (p < end && d[p] != '\n' && d[p] != '\r')
					p++;
			} else {
				break;
			}
		}
	}
	return p;
}

/* An anchor defined on the node just read; its index. */
static int define(struct ys_parser *ps, const yaml_char_t *name,
		  struct ys_node *n)
{
	struct kb_strmap_slot *slot;
	struct ys_anchor *a;
	size_t len = strlen((const char *)name);
	char *copy;
	bool added;
	int rc;

	if ((rc = PUSH(ps, anchors, nanchors, capanchors)))
		return rc;
	if (!(copy = kb_arena_strndup(&ps->f->arena, (const char *)name, len)))
		return kb_err(ps->err, KB_ENOMEM, ps->name, 0, 0, "out of memory");
	a = &ps->f->anchors[ps->f->nanchors];
	memset(a, 0, sizeof(*a));
	a->name = copy;
	a->start = n->start;
	a->end = n->end;
	a->doc = ps->doc;
	n->anchor = (int32_t)ps->f->nanchors++;
	/* a name defined again: the later definition wins from here on */
	slot = kb_strmap_put(&ps->amap, copy, len,
			     (void *)(uintptr_t)(ps->f->nanchors), &added);
	if (!slot)
		return kb_err(ps->err, KB_ENOMEM, ps->name, 0, 0, "out of memory");
	slot->val = (void *)(uintptr_t)(ps->f->nanchors);
	return 0;
}

/* The node the current event starts (its span up to its start token). */
static void begin_node(struct ys_parser *ps, struct ys_node *n, uint8_t style)
{
	memset(n, 0, sizeof(*n));
	n->start = off_of(ps, ps->ev.start_mark.index);
	n->end = off_of(ps, ps->ev.end_mark.index);
	n->line = ps->f->base_line + (uint32_t)ps->ev.start_mark.line;
	n->col = (uint32_t)ps->ev.start_mark.column;
	n->style = style;
	n->anchor = n->alias = -1;
	n->cstart = skip_props(ps->f->data, n->start, ps->f->len);
	if (n->cstart > n->end && style != YS_BLOCK)
		n->cstart = n->end;
}

static int scalar(struct ys_parser *ps, struct ys_node *n)
{
	const char *v = (const char *)ps->ev.data.scalar.value;
	size_t len = ps->ev.data.scalar.length;
	const char *d = ps->f->data;

	begin_node(ps, n, (uint8_t)ps->ev.data.scalar.style);
	if (n->style == YS_LITERAL || n->style == YS_FOLDED) {
		/* the trailing blank lines are the next node's business */
		while (n->end > n->cstart &&
		       (d[n->end - 1] == ' ' || d[n->end - 1] == '\t' ||
			d[n->end - 1] == '\n' || d[n->end - 1] == '\r'))
			n->end--;
	}
	n->null = n->style == YS_PLAIN &&
		  (len == 0 || (len == 1 && v[0] == '~') ||
		   (len == 4 && (!memcmp(v, "null", 4) || !memcmp(v, "Null", 4) ||
				 !memcmp(v, "NULL", 4))));
	if (!(n->text = kb_arena_strndup(&ps->f->arena, v, len)))
		return kb_err(ps->err, KB_ENOMEM, ps->name, 0, 0, "out of memory");
	n->len = len;
	return ps->ev.data.scalar.anchor ?
	       define(ps, ps->ev.data.scalar.anchor, n) : 0;
}

/* An alias: the anchor it names, counted as used by the record `rec`. */
static int alias(struct ys_parser *ps, struct ys_node *n)
{
	const char *name = (const char *)ps->ev.data.alias.anchor;
	const struct kb_strmap_slot *slot;
	int rc;

	begin_node(ps, n, YS_ALIAS);
	slot = kb_strmap_find(&ps->amap, name, strlen(name));
	if (!slot->key)
		return fail(ps, KB_ESTRUCT, ps->ev.start_mark, "unknown anchor");
	n->alias = (int32_t)((uintptr_t)slot->val - 1);
	ps->f->anchors[n->alias].uses++;
	if ((rc = PUSH(ps, uses, nuses, capuses)))
		return rc;
	ps->f->uses[ps->f->nuses++] = n->alias;
	return 0;
}

/*
 * Any node, read to its end: the value of a merge key (a mapping or a
 * list of them).  Its anchors and aliases are noted; *end is after it.
 */
static int any_node(struct ys_parser *ps, int depth, size_t *end)
{
	struct ys_node n;
	const yaml_char_t *anchor = NULL;
	int rc;

	if (depth > YS_MAX_DEPTH)
		return fail(ps, KB_ELIMIT, ps->ev.start_mark, "nested too deep");
	switch (ps->ev.type) {
	case YAML_SCALAR_EVENT:
		if ((rc = scalar(ps, &n)))
			return rc;
		*end = n.end;
		return 0;
	case YAML_ALIAS_EVENT:
		if ((rc = alias(ps, &n)))
			return rc;
		*end = n.end;
		return 0;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		bool seq = ps->ev.type == YAML_SEQUENCE_START_EVENT;
		bool flow = seq ? ps->ev.data.sequence_start.style ==
				  YAML_FLOW_SEQUENCE_STYLE :
				  ps->ev.data.mapping_start.style ==
				  YAML_FLOW_MAPPING_STYLE;
		yaml_event_type_t close = seq ? YAML_SEQUENCE_END_EVENT :
						YAML_MAPPING_END_EVENT;
		char *name = NULL;

		anchor = seq ? ps->ev.data.sequence_start.anchor :
			       ps->ev.data.mapping_start.anchor;
		begin_node(ps, &n, flow ? YS_FLOW : YS_BLOCK);
		if (anchor && !(name = strdup((const char *)anchor)))
			return kb_err(ps->err, KB_ENOMEM, ps->name, 0, 0,
				      "out of memory");
		*end = n.end;
		for (;;) {
			if ((rc = next(ps))) {
				free(name);
				return rc;
			}
			if (ps->ev.type == close)
				break;
			if ((rc = any_node(ps, depth + 1, end))) {
				free(name);
				return rc;
			}
		}
		if (flow)	/* a flow collection ends with its bracket */
			*end = off_of(ps, ps->ev.end_mark.index);
		n.end = *end;
		rc = name ? define(ps, (const yaml_char_t *)name, &n) : 0;
		free(name);
		return rc;
	}
	default:
		return fail(ps, KB_ESTRUCT, ps->ev.start_mark, "unexpected YAML event");
	}
}

/* The '-' before a block sequence element starting at `at`, or YS_NONE. */
static size_t find_dash(const char *d, size_t at)
{
	while (at && (d[at - 1] == ' ' || d[at - 1] == '\t' ||
		      d[at - 1] == '\n' || d[at - 1] == '\r'))
		at--;
	return at && d[at - 1] == '-' ? at - 1 : YS_NONE;
}

/* The elements of a sequence value; the current event is its start. */
static int seq_value(struct ys_parser *ps, struct ys_pair *pr, bool block)
{
	struct ys_item *it;
	const char *d = ps->f->data;
	int rc;

	pr->item0 = (uint32_t)ps->f->nitems;
	for (;;) {
		if ((rc = next(ps)))
			return rc;
		if (ps->ev.type == YAML_SEQUENCE_END_EVENT)
			break;
		if ((rc = PUSH(ps, items, nitems, capitems)))
			return rc;
		it = &ps->f->items[ps->f->nitems];
		if (ps->ev.type == YAML_SCALAR_EVENT)
			rc = scalar(ps, &it->v);
		else if (ps->ev.type == YAML_ALIAS_EVENT)
			rc = alias(ps, &it->v);
		else
			rc = fail(ps, KB_ESTRUCT, ps->ev.start_mark,
				  "a list element is not a scalar");
		if (rc)
			return rc;
		it->dash = block ? find_dash(d, it->v.start) : YS_NONE;
		ps->f->nitems++;
		pr->end = it->v.end;
	}
	pr->nitems = (uint32_t)(ps->f->nitems - pr->item0);
	if (!block) {
		size_t e = off_of(ps, ps->ev.end_mark.index);

		if (e > 0 && d[e - 1] == ']')
			pr->end = e;
	}
	pr->val.end = pr->end;
	return 0;
}

/* The ':' after a key ending at `at` (blanks between allowed). */
static size_t colon_after(const char *d, size_t len, size_t at)
{
	while (at < len && (d[at] == ' ' || d[at] == '\t'))
		at++;
	return at < len && d[at] == ':' ? at + 1 : YS_NONE;
}

/* The pairs of a record's mapping; the current event is its start. */
static int map_pairs(struct ys_parser *ps, struct ys_rec *r)
{
	const char *d = ps->f->data;
	struct ys_pair *pr;
	size_t q;
	int rc;

	r->pair0 = (uint32_t)ps->f->npairs;
	for (;;) {
		if ((rc = next(ps)))
			return rc;
		if (ps->ev.type == YAML_MAPPING_END_EVENT)
			break;
		if (ps->ev.type != YAML_SCALAR_EVENT)
			return fail(ps, KB_EUSAGE, ps->ev.start_mark,
				    "kbq edits only keys that are plain text");
		if ((rc = PUSH(ps, pairs, npairs, cappairs)))
			return rc;
		pr = &ps->f->pairs[ps->f->npairs];
		memset(pr, 0, sizeof(*pr));
		if ((rc = scalar(ps, &pr->key)))
			return rc;
		/* "? key" is a complex key: not edited */
		for (q = pr->key.start; q > 0 && (d[q - 1] == ' ' || d[q - 1] == '\t');)
			q--;
		if ((q > 0 && d[q - 1] == '?') || pr->key.anchor >= 0)
			return fail(ps, KB_EUSAGE, ps->ev.start_mark,
				    "kbq edits only keys that are plain text");
		pr->merge = pr->key.style == YS_PLAIN && pr->key.len == 2 &&
			    !memcmp(pr->key.text, "<<", 2);
		pr->colon_end = colon_after(d, ps->f->len, pr->key.end);
		if (pr->colon_end == YS_NONE)
			return fail(ps, KB_EUSAGE, ps->ev.start_mark,
				    "kbq edits only keys followed by ':'");
		if ((rc = next(ps)))
			return rc;
		switch (ps->ev.type) {
		case YAML_SCALAR_EVENT:
			rc = scalar(ps, &pr->val);
			pr->end = pr->val.end;
			break;
		case YAML_ALIAS_EVENT:
			rc = alias(ps, &pr->val);
			pr->end = pr->val.end;
			break;
		case YAML_SEQUENCE_START_EVENT: {
			bool block = ps->ev.data.sequence_start.style !=
				     YAML_FLOW_SEQUENCE_STYLE;
			const yaml_char_t *an = ps->ev.data.sequence_start.anchor;
			char *name = an ? strdup((const char *)an) : NULL;

			if (an && !name)
				return kb_err(ps->err, KB_ENOMEM, ps->name, 0, 0,
					      "out of memory");
			begin_node(ps, &pr->val, block ? YS_BLOCK : YS_FLOW);
			if (pr->merge) {
				rc = any_node(ps, 1, &pr->end);
				pr->val.end = pr->end;
			} else {
				rc = seq_value(ps, pr, block);
			}
			if (!rc && name)
				rc = define(ps, (const yaml_char_t *)name, &pr->val);
			free(name);
			break;
		}
		case YAML_MAPPING_START_EVENT:
			if (!pr->merge)
				return fail(ps, KB_ESTRUCT, ps->ev.start_mark,
					    "a value is a nested mapping");
			begin_node(ps, &pr->val,
				   ps->ev.data.mapping_start.style ==
				   YAML_FLOW_MAPPING_STYLE ? YS_FLOW : YS_BLOCK);
			rc = any_node(ps, 1, &pr->end);
			pr->val.end = pr->end;
			break;
		default:
			return fail(ps, KB_ESTRUCT, ps->ev.start_mark,
				    "unexpected YAML event");
		}
		if (rc)
			return rc;
		ps->f->npairs++;
		r->end = pr->end;
	}
	r->npairs = (uint32_t)(ps->f->npairs - r->pair0);
	return 0;
}

/* One record: the current event starts a mapping or is an alias. */
static int record(struct ys_parser *ps, uint8_t place)
{
	const char *d = ps->f->data;
	struct ys_rec *r;
	char *name = NULL;
	size_t use0 = ps->f->nuses;
	int rc;

	if ((rc = PUSH(ps, recs, nrecs, caprecs)))
		return rc;
	r = &ps->f->recs[ps->f->nrecs];
	memset(r, 0, sizeof(*r));
	r->place = place;
	r->doc = ps->doc;
	if (ps->ev.type == YAML_ALIAS_EVENT) {
		if ((rc = alias(ps, &r->node)))
			return rc;
		r->end = r->node.end;
	} else if (ps->ev.type == YAML_MAPPING_START_EVENT) {
		bool flow = ps->ev.data.mapping_start.style ==
			    YAML_FLOW_MAPPING_STYLE;
		const yaml_char_t *an = ps->ev.data.mapping_start.anchor;

		if (an && !(name = strdup((const char *)an)))
			return kb_err(ps->err, KB_ENOMEM, ps->name, 0, 0,
				      "out of memory");
		begin_node(ps, &r->node, flow ? YS_FLOW : YS_BLOCK);
		if (!flow)	/* a block mapping's content is its first key */
			r->node.end = r->node.cstart;
		if ((rc = map_pairs(ps, r))) {
			free(name);
			return rc;
		}
		if (flow) {
			size_t e = off_of(ps, ps->ev.end_mark.index);

			r->end = e > 0 && d[e - 1] == '}' ? e : r->end;
		}
		r->node.end = r->end;
		rc = name ? define(ps, (const yaml_char_t *)name, &r->node) : 0;
		free(name);
		if (rc)
			return rc;
	} else {
		return fail(ps, KB_ESTRUCT, ps->ev.start_mark,
			    "a list element is not a record");
	}
	r->dash = place == YS_IN_BLOCK_SEQ ? find_dash(d, r->node.start) : YS_NONE;
	/* the aliases read since the record began are its own */
	r->use0 = (uint32_t)use0;
	r->nuses = (uint32_t)(ps->f->nuses - use0);
	ps->f->nrecs++;
	return 0;
}

static int document(struct ys_parser *ps)
{
	struct ys_doc *doc;
	int rc;

	if ((rc = PUSH(ps, docs, ndocs, capdocs)))
		return rc;
	doc = &ps->f->docs[ps->f->ndocs];
	memset(doc, 0, sizeof(*doc));
	doc->start = off_of(ps, ps->ev.start_mark.index);
	doc->explicit_start = !ps->ev.data.document_start.implicit;
	doc->rec0 = (uint32_t)ps->f->nrecs;
	ps->doc = (uint32_t)ps->f->ndocs;
	if ((rc = next(ps)))
		return rc;
	switch (ps->ev.type) {
	case YAML_SCALAR_EVENT:
		if ((rc = scalar(ps, &doc->root)))
			return rc;
		if (!doc->root.null)
			return fail(ps, KB_ESTRUCT, ps->ev.start_mark,
				    "document is not a record or a list of records");
		doc->root_end = doc->root.end;
		break;
	case YAML_MAPPING_START_EVENT:
	case YAML_ALIAS_EVENT:
		if ((rc = record(ps, YS_IN_DOC)))
			return rc;
		doc = &ps->f->docs[ps->f->ndocs];
		doc->root = ps->f->recs[ps->f->nrecs - 1].node;
		doc->root_end = ps->f->recs[ps->f->nrecs - 1].end;
		break;
	case YAML_SEQUENCE_START_EVENT: {
		bool block = ps->ev.data.sequence_start.style !=
			     YAML_FLOW_SEQUENCE_STYLE;
		struct ys_node root;

		if (ps->ev.data.sequence_start.anchor)
			return fail(ps, KB_EUSAGE, ps->ev.start_mark,
				    "kbq does not edit an anchored list of records");
		begin_node(ps, &root, block ? YS_BLOCK : YS_FLOW);
		for (;;) {
			if ((rc = next(ps)))
				return rc;
			if (ps->ev.type == YAML_SEQUENCE_END_EVENT)
				break;
			if ((rc = record(ps, block ? YS_IN_BLOCK_SEQ :
						     YS_IN_FLOW_SEQ)))
				return rc;
			root.end = ps->f->recs[ps->f->nrecs - 1].end;
		}
		if (!block) {
			size_t e = off_of(ps, ps->ev.end_mark.index);

			if (e > 0 && ps->f->data[e - 1] == ']')
				root.end = e;
		}
		doc = &ps->f->docs[ps->f->ndocs];
		doc->root = root;
		doc->root_seq = true;
		doc->root_end = root.end;
		break;
	}
	default:
		return fail(ps, KB_ESTRUCT, ps->ev.start_mark,
			    "document is not a record or a list of records");
	}
	if ((rc = next(ps)))
		return rc;
	if (ps->ev.type != YAML_DOCUMENT_END_EVENT)
		return fail(ps, KB_ESTRUCT, ps->ev.start_mark,
			    "unexpected content after the document");
	doc->end = off_of(ps, ps->ev.end_mark.index);
	doc->explicit_end = !ps->ev.data.document_end.implicit;
	doc->nrecs = (uint32_t)(ps->f->nrecs - doc->rec0);
	ps->f->ndocs++;
	/* anchors end with their document */
	kb_strmap_free(&ps->amap);
	memset(&ps->amap, 0, sizeof(ps->amap));
	return 0;
}

int ys_parse(struct ys_file *f, const char *name, const char *data,
	     size_t len, uint32_t base_line, struct kb_error *err)
{
	struct ys_parser ps;
	int rc;

	memset(f, 0, sizeof(*f));
	f->data = data;
	f->len = len;
	f->base_line = base_line;
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		f->skip = 3;
	memset(&ps, 0, sizeof(ps));
	ps.f = f;
	ps.name = name;
	ps.err = err;
	ps.bo = f->skip;
	if (len >= 2 && (((unsigned char)data[0] == 0xFE &&
			  (unsigned char)data[1] == 0xFF) ||
			 ((unsigned char)data[0] == 0xFF &&
			  (unsigned char)data[1] == 0xFE)))
		return kb_err(err, KB_EUSAGE, name, 1, 1,
			      "kbq edits only files in UTF-8");
	if (!yaml_parser_initialize(&ps.p))
		return kb_err(err, KB_ENOMEM, name, 0, 0, "out of memory");
	yaml_parser_set_input_string(&ps.p, (const unsigned char *)data, len);
	if (!(rc = next(&ps)) && ps.ev.type != YAML_STREAM_START_EVENT)
		rc = kb_err(err, KB_ESYNTAX, name, 1, 1, "yaml: no stream start");
	while (!rc) {
		if ((rc = next(&ps)))
			break;
		if (ps.ev.type == YAML_STREAM_END_EVENT)
			break;
		if (ps.ev.type != YAML_DOCUMENT_START_EVENT) {
			rc = fail(&ps, KB_ESYNTAX, ps.ev.start_mark,
				  "yaml: expected a document");
			break;
		}
		rc = document(&ps);
	}
	if (ps.have)
		yaml_event_delete(&ps.ev);
	kb_strmap_free(&ps.amap);
	yaml_parser_delete(&ps.p);
	return rc;
}

void ys_free(struct ys_file *f)
{
	free(f->docs);
	free(f->recs);
	free(f->pairs);
	free(f->items);
	free(f->anchors);
	free(f->uses);
	kb_arena_free(&f->arena);
	memset(f, 0, sizeof(*f));
}
