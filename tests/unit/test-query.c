/*
 * test-query.c - the expression language (query.c): the grammar, every
 * operator, lists, absent and invalid values, refs, dates as periods, ints,
 * -i, -F, --as-of, and every compile error located at its token.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char actors[] =
	"- id: us\n  kind: actor\n  name: United States\n  type: country\n"
	"  seats: 100\n"
	"- id: cn\n  kind: actor\n  name: China\n  type: country\n"
	"  aliases: [PRC, People's Republic of China]\n"
	"- id: mofcom\n  kind: actor\n  name: Ministry of Commerce\n"
	"  type: government-body\n  country: cn\n"
	"- id: aero\n  kind: actor\n  name: Ærø Kommune\n  type: government-body\n"
	"  seats: 15\n"
	"- id: lutnick\n  kind: actor\n  name: Howard Lutnick\n  type: person\n"
	"  country: us\n  member_of: [us]\n  seats: 9\n  born: soon\n";

static const char controls[] =
	"- id: cn-rare-earth\n  kind: control\n  name: Rare earth export licensing\n"
	"  imposed_by: cn\n  since: 2025-04-04\n  items: [samarium, gadolinium]\n"
	"- id: us-eda\n  kind: control\n  name: EDA software restriction\n"
	"  imposed_by: us\n  since: 2025-05\n  until: 2025-07-03\n"
	"- id: old\n  kind: control\n  name: Old ban\n  imposed_by: us\n"
	"  since: 2019\n  until: 2020-12-31\n";

static const char events[] =
	"- id: ev-june\n  kind: event\n  name: London talks\n  date: 2025-06-09\n"
	"  actors: [lutnick, mofcom]\n"
	"- id: ev-2025\n  kind: event\n  name: Some 2025 event\n  date: 2025\n"
	"- id: ev-may\n  kind: event\n  name: Geneva\n  date: 2025-05-12\n"
	"  actors: [us, cn]\n"
	"- id: ev-bad\n  kind: event\n  name: Bad date\n  date: soon\n";

#define ALL "us cn mofcom aero lutnick cn-rare-earth us-eda old ev-june " \
	    "ev-2025 ev-may ev-bad"

static int setup(void **state)
{
	*state = kbm_ok("kb/schema.yaml", unit_schema, "kb/actors.yaml", actors,
			"kb/controls.yaml", controls, "kb/events.yaml", events, NULL);
	return 0;
}

static int teardown(void **state)
{
	kb_free(*state);
	return 0;
}

#define W(...) ((const char *[]){ __VA_ARGS__, NULL })
/* find with flags / in one kind / as of a date */
#define findf(kb, fl, ...) findv((kb), (fl), NULL, NULL, NULL, W(__VA_ARGS__))
#define findk(kb, k, ...) findv((kb), 0, NULL, (k), NULL, W(__VA_ARGS__))
#define finda(kb, d, ...) findv((kb), 0, (d), NULL, NULL, W(__VA_ARGS__))

static void empty_matches_all(void **state)
{
	(void)state;
	assert_string_equal(findv(*state, 0, NULL, NULL, NULL, W(NULL)), ALL);
	assert_string_equal(findv(*state, 0, NULL, "event", NULL, W(NULL)),
			    "ev-june ev-2025 ev-may ev-bad");
}

static void equality_and_lists(void **state)
{
	struct kb *kb = *state;

	assert_string_equal(find(kb, "name=China"), "cn");
	assert_string_equal(find(kb, "name=United States"), "us");
	assert_string_equal(find(kb, "name=china"), "");
	assert_string_equal(find(kb, "name=Chin"), "");
	assert_string_equal(find(kb, "id=us"), "us");
	assert_string_equal(find(kb, "kind=control"), "cn-rare-earth us-eda old");
	/* a list matches if any element does; != is the negation */
	assert_string_equal(find(kb, "aliases=PRC"), "cn");
	assert_string_equal(find(kb, "aliases=People's Republic of China"), "cn");
	assert_string_equal(find(kb, "actors=mofcom"), "ev-june");
	assert_string_equal(find(kb, "actors!=mofcom"),
		"us cn mofcom aero lutnick cn-rare-earth us-eda old ev-2025 "
		"ev-may ev-bad");
	assert_string_equal(find(kb, "aliases!=PRC"),
		"us mofcom aero lutnick cn-rare-earth us-eda old ev-june ev-2025 "
		"ev-may ev-bad");
	/* an empty literal */
	assert_string_equal(find(kb, "name="), "");
	assert_string_equal(find(kb, "name!="), ALL);
}

static void regex_ops(void **state)
{
	struct kb *kb = *state;

	assert_string_equal(find(kb, "name~^Ch"), "cn");
	assert_string_equal(find(kb, "name~ment$"), "");
	assert_string_equal(find(kb, "name~ of "), "mofcom");
	assert_string_equal(find(kb, "name~of"), "mofcom us-eda");
	assert_string_equal(find(kb, "aliases~^People"), "cn");
	assert_string_equal(find(kb, "items~^gad"), "cn-rare-earth");
	assert_string_equal(find(kb, "items!~^gad"),
		"us cn mofcom aero lutnick us-eda old ev-june ev-2025 ev-may "
		"ev-bad");
	/* ~ is a search, not anchored */
	assert_string_equal(find(kb, "items~ari"), "cn-rare-earth");
}

static void absent_fields(void **state)
{
	struct kb *kb = *state;

	/* absent satisfies only the negations and not */
	assert_string_equal(find(kb, "country=us"), "lutnick");
	assert_string_equal(find(kb, "country!=us"),
		"us cn mofcom aero cn-rare-earth us-eda old ev-june ev-2025 "
		"ev-may ev-bad");
	assert_string_equal(find(kb, "not", "country=us"),
			    find(kb, "country!=us"));
	assert_string_equal(find(kb, "country~."), "mofcom lutnick");
	assert_string_equal(find(kb, "country!~."),
		"us cn aero cn-rare-earth us-eda old ev-june ev-2025 ev-may "
		"ev-bad");
	assert_string_equal(find(kb, "country<zzz"), "mofcom lutnick");
	assert_string_equal(find(kb, "country>="), "mofcom lutnick");
}

static void presence(void **state)
{
	struct kb *kb = *state;

	assert_string_equal(find(kb, "country?"), "mofcom lutnick");
	assert_string_equal(find(kb, "not", "country?"),
		"us cn aero cn-rare-earth us-eda old ev-june ev-2025 ev-may "
		"ev-bad");
	assert_string_equal(find(kb, "since?"), "cn-rare-earth us-eda old");
	/* an invalid stored value is present */
	assert_string_equal(find(kb, "born?"), "lutnick");
	assert_string_equal(find(kb, "date?"), "ev-june ev-2025 ev-may ev-bad");
	assert_string_equal(find(kb, "id?"), ALL);
	/* presence through refs */
	assert_string_equal(find(kb, "actors.country?"), "ev-june");
	assert_string_equal(find(kb, "country.country?"), "");
}

static void grammar(void **state)
{
	struct kb *kb = *state;

	/* implicit and, explicit and */
	assert_string_equal(find(kb, "type=country", "name~^U"), "us");
	assert_string_equal(find(kb, "type=country", "and", "name~^U"), "us");
	assert_string_equal(find(kb, "name=China", "or", "name=Geneva"),
			    "cn ev-may");
	/* and binds tighter than or */
	assert_string_equal(find(kb, "name=China", "or", "name=Geneva",
				 "kind=actor"), "cn");
	assert_string_equal(find(kb, "name=Geneva", "kind=actor", "or",
				 "name=China"), "cn");
	assert_string_equal(find(kb, "(", "name=China", "or", "name=Geneva", ")",
				 "kind=event"), "ev-may");
	assert_string_equal(find(kb, "not", "(", "name=China", "or",
				 "name=Geneva", ")"),
		"us mofcom aero lutnick cn-rare-earth us-eda old ev-june ev-2025 "
		"ev-bad");
	/* not binds tighter than and */
	assert_string_equal(find(kb, "not", "type=country", "kind=actor"),
			    "mofcom aero lutnick");
	assert_string_equal(find(kb, "not", "not", "name=China"), "cn");
	assert_string_equal(find(kb, "(", "(", "name=China", ")", ")"), "cn");
	assert_string_equal(find(kb, "kind=actor", "(", "seats=9", "or",
				 "seats=15", ")", "not", "name~^H"), "aero");
}

static void any_field(void **state)
{
	struct kb *kb = *state;

	/* ~REGEX: any field but kind, id included, any list element */
	assert_string_equal(find(kb, "~^us$"), "us lutnick us-eda old ev-may");
	assert_string_equal(find(kb, "~^actor$"), "");
	assert_string_equal(find(kb, "~^gadolinium$"), "cn-rare-earth");
	assert_string_equal(find(kb, "~a", "~b"), "cn aero old ev-bad");
	assert_string_equal(find(kb, "not", "~."), "");
}

static void refs(void **state)
{
	struct kb *kb = *state;

	assert_string_equal(find(kb, "country.name=China"), "mofcom");
	assert_string_equal(find(kb, "imposed_by.name~Chin"), "cn-rare-earth");
	/* through lists */
	assert_string_equal(find(kb, "actors.country=us"), "ev-june");
	assert_string_equal(find(kb, "actors.type=country"), "ev-may");
	assert_string_equal(find(kb, "member_of.name=United States"), "lutnick");
	/* two steps */
	assert_string_equal(find(kb, "actors.country.name=China"), "ev-june");
	assert_string_equal(find(kb, "actors.country.name!=China"),
		"us cn mofcom aero lutnick cn-rare-earth us-eda old ev-2025 "
		"ev-may ev-bad");
	assert_string_equal(find(kb, "actors.seats>50"), "ev-may");
}

/* SPEC section 1: X = L overlap, X != L not, X < L starts before L starts,
 * X <= L starts on or before L ends, X > L ends after L ends, X >= L ends
 * on or after L starts. */
static void dates_as_periods(void **state)
{
	struct kb *kb = *state;

	assert_string_equal(find(kb, "date=2025-06"), "ev-june ev-2025");
	assert_string_equal(find(kb, "date=2025-06-09"), "ev-june ev-2025");
	assert_string_equal(find(kb, "date=2025-06-10"), "ev-2025");
	assert_string_equal(find(kb, "date=2025"), "ev-june ev-2025 ev-may");
	assert_string_equal(find(kb, "since>=2025-04"), "cn-rare-earth us-eda");
	assert_string_equal(find(kb, "since>=2025-04-05"), "us-eda");
	assert_string_equal(find(kb, "date<2025"), "");
	assert_string_equal(find(kb, "date<2025-06"), "ev-2025 ev-may");
	assert_string_equal(find(kb, "date<2026"), "ev-june ev-2025 ev-may");
	assert_string_equal(find(kb, "date<=2025-06"), "ev-june ev-2025 ev-may");
	assert_string_equal(find(kb, "date<=2025-05-11"), "ev-2025");
	assert_string_equal(find(kb, "date<=2025-05-12"), "ev-2025 ev-may");
	assert_string_equal(find(kb, "date>2025-06"), "ev-2025");
	assert_string_equal(find(kb, "date>2025-06-08"), "ev-june ev-2025");
	assert_string_equal(find(kb, "date>2025"), "");
	assert_string_equal(find(kb, "date>=2025-06-09"), "ev-june ev-2025");
	assert_string_equal(find(kb, "date>=2025-12-31"), "ev-2025");
	assert_string_equal(find(kb, "date>=2026"), "");
	assert_string_equal(find(kb, "until<2021"), "old");
	/* != does not overlap, and absent or invalid values satisfy it */
	assert_string_equal(findk(kb, "event", "date!=2025-06"), "ev-may ev-bad");
	assert_string_equal(findk(kb, "event", "date!=2025"), "ev-bad");
	/* a regex on a date field sees the text */
	assert_string_equal(find(kb, "date~-06-"), "ev-june");
}

static void invalid_stored_values(void **state)
{
	struct kb *kb = *state;

	/* born: soon (a date field) satisfies only !=, !~ and born? */
	assert_string_equal(findk(kb, "actor", "born<2030"), "");
	assert_string_equal(findk(kb, "actor", "born>1900"), "");
	assert_string_equal(findk(kb, "actor", "born>=1900"), "");
	assert_string_equal(findk(kb, "actor", "born<=2030"), "");
	assert_string_equal(findk(kb, "actor", "born~soon"), "");
	assert_string_equal(findk(kb, "actor", "born~."), "");
	assert_string_equal(findk(kb, "actor", "born!=2025"),
			    "us cn mofcom aero lutnick");
	assert_string_equal(findk(kb, "actor", "born!~soon"),
			    "us cn mofcom aero lutnick");
	assert_string_equal(findk(kb, "actor", "born?"), "lutnick");
	assert_string_equal(findk(kb, "event", "date!~x"),
			    "ev-june ev-2025 ev-may ev-bad");
}

/* Not only dates and ints: an enum outside its values, a string holding a
 * line break, a pattern mismatch, a malformed URL are invalid too. */
static void invalid_values_of_every_type(void **state)
{
	struct kb *kb = kbm_ok("kb/schema.yaml", unit_schema, "kb/a.yaml",
		"- {id: p, kind: actor, name: P, type: persn, wikidata: x42}\n"
		"- {id: q, kind: actor, name: \"two\\nlines\", type: person,"
		" wikidata: Q42}\n"
		"- {id: s, kind: source, name: S, url: nope}\n", NULL);

	(void)state;
	assert_string_equal(find(kb, "type~persn"), "");
	assert_string_equal(find(kb, "type!~persn"), "p q s");
	assert_string_equal(find(kb, "type~pers"), "q");
	assert_string_equal(find(kb, "type!=person"), "p s");
	assert_string_equal(find(kb, "wikidata~42"), "q");
	assert_string_equal(find(kb, "wikidata!~42"), "p s");
	assert_string_equal(find(kb, "name~lines"), "");
	assert_string_equal(find(kb, "name!~lines"), "p q s");
	assert_string_equal(find(kb, "url=nope"), "");
	assert_string_equal(find(kb, "url?"), "s");
	kb_free(kb);
}

static void ints(void **state)
{
	struct kb *kb = *state;

	/* numerically: bytes would put "9" after "10" and "100" before "20" */
	assert_string_equal(find(kb, "seats>10"), "us aero");
	assert_string_equal(find(kb, "seats<20"), "aero lutnick");
	assert_string_equal(find(kb, "seats<=15"), "aero lutnick");
	assert_string_equal(find(kb, "seats>=100"), "us");
	assert_string_equal(find(kb, "seats=09"), "lutnick");
	assert_string_equal(find(kb, "seats=+9"), "lutnick");
	assert_string_equal(find(kb, "seats!=9"),
		"us cn mofcom aero cn-rare-earth us-eda old ev-june ev-2025 "
		"ev-may ev-bad");
	assert_string_equal(find(kb, "seats>-1"), "us aero lutnick");
	assert_string_equal(find(kb, "seats~^1"), "us aero");
}

static void bytes_otherwise(void **state)
{
	struct kb *kb = *state;

	assert_string_equal(find(kb, "name<D"), "cn ev-bad");
	assert_string_equal(find(kb, "name<=China"), "cn ev-bad");
	assert_string_equal(find(kb, "name<China"), "ev-bad");
	/* UTF-8 bytes sort after ASCII */
	assert_string_equal(find(kb, "name>Z"), "aero");
	assert_string_equal(find(kb, "name>=Ærø"), "aero");
	assert_string_equal(find(kb, "name>Ærø Kommune"), "");
	/* a prefix is smaller */
	assert_string_equal(find(kb, "name>Chin", "name<Chinb"), "cn");
}

static void icase(void **state)
{
	struct kb *kb = *state;

	assert_string_equal(findf(kb, KB_Q_ICASE, "name=china"), "cn");
	assert_string_equal(findf(kb, KB_Q_ICASE, "name=CHINA"), "cn");
	/* = stays a whole-value match under -i */
	assert_string_equal(findf(kb, KB_Q_ICASE, "name=chin"), "");
	assert_string_equal(findf(kb, KB_Q_ICASE, "aliases=prc"), "cn");
	assert_string_equal(findf(kb, KB_Q_ICASE, "name!=china"),
		"us mofcom aero lutnick cn-rare-earth us-eda old ev-june ev-2025 "
		"ev-may ev-bad");
	/* Unicode-aware */
	assert_string_equal(find(kb, "name~ærø"), "");
	assert_string_equal(find(kb, "name~(?i)ærø"), "aero");
	assert_string_equal(findf(kb, KB_Q_ICASE, "name~ærø"), "aero");
	assert_string_equal(findf(kb, KB_Q_ICASE, "name=ÆRØ KOMMUNE"), "aero");
	assert_string_equal(findf(kb, KB_Q_ICASE, "name=ærø kommune"), "aero");
	assert_string_equal(findf(kb, KB_Q_ICASE, "~ÆRØ"), "aero");
	/* -i is for text: dates and ints compare as before */
	assert_string_equal(findf(kb, KB_Q_ICASE, "date=2025-06"),
			    "ev-june ev-2025");
	assert_string_equal(findf(kb, KB_Q_ICASE, "seats=09"), "lutnick");
	/* a regex metacharacter in an -i = literal is literal */
	assert_string_equal(findf(kb, KB_Q_ICASE, "name=chin."), "");
	assert_string_equal(findf(kb, KB_Q_ICASE, "name=.*"), "");
}

static void fixed(void **state)
{
	struct kb *kb = *state;

	assert_string_equal(find(kb, "items~sam.*"), "cn-rare-earth");
	assert_string_equal(findf(kb, KB_Q_FIXED, "items~sam.*"), "");
	assert_string_equal(findf(kb, KB_Q_FIXED, "items~mari"), "cn-rare-earth");
	assert_string_equal(findf(kb, KB_Q_FIXED, "name~("), "");
	assert_string_equal(findf(kb, KB_Q_FIXED, "~^us$"), "");
	assert_string_equal(findf(kb, KB_Q_FIXED, "name~'s Rep"), "");
	assert_string_equal(findf(kb, KB_Q_FIXED, "aliases~'s Rep"), "cn");
	assert_string_equal(findf(kb, KB_Q_FIXED | KB_Q_ICASE, "name~ÆRØ K"),
			    "aero");
	/* -F is about ~ only */
	assert_string_equal(findf(kb, KB_Q_FIXED, "name=China"), "cn");
}

static void as_of(void **state)
{
	struct kb *kb = *state;

	/* start (since, else date) absent or on or before the day, end
	 * (until, else end) absent or on or after it; kinds without those
	 * fields (actors here) are not affected; an invalid start is not
	 * in force */
	assert_string_equal(finda(kb, "2025-06-01", NULL),
		"us cn mofcom aero lutnick cn-rare-earth us-eda ev-2025 ev-may");
	assert_string_equal(finda(kb, "2025-06", NULL),
		"us cn mofcom aero lutnick cn-rare-earth us-eda ev-june ev-2025 "
		"ev-may");
	assert_string_equal(finda(kb, "2025-07-04", "kind=control"),
			    "cn-rare-earth");
	assert_string_equal(finda(kb, "2025-07-03", "kind=control"),
			    "cn-rare-earth us-eda");
	assert_string_equal(finda(kb, "2020", "kind=control"), "old");
	assert_string_equal(finda(kb, "2021-01-01", "kind=control"), "");
	assert_string_equal(finda(kb, "2018", "not", "kind=actor"), "");
}

/* ---- errors ------------------------------------------------------------ */

static struct kb_error E;

/* Compile, which must fail; the error is in E. */
#define fails(kb, k, ...) \
	assert_string_equal(findv((kb), 0, NULL, (k), &E, W(__VA_ARGS__)), "ERROR")

static void expect(int srcline, int code, int word, size_t off, size_t span,
		   const char *msg)
{
	_assert_string_equal(E.message, msg, __FILE__, srcline);
	_assert_int_equal((unsigned)E.code, (unsigned)code, __FILE__, srcline);
	_assert_int_equal((unsigned)(E.word + 1), (unsigned)(word + 1), __FILE__,
			  srcline);
	_assert_int_equal(E.offset, off, __FILE__, srcline);
	_assert_int_equal(E.span, span, __FILE__, srcline);
}
#define EXPECT(...) expect(__LINE__, __VA_ARGS__)

static void unknown_fields(void **state)
{
	struct kb *kb = *state;

	fails(kb, NULL, "nmae=x");
	EXPECT(KB_EEXPR, 0, 0, 4, "unknown field 'nmae' (did you mean 'name'?)");
	fails(kb, NULL, "type=country", "contry.name=x");
	EXPECT(KB_EEXPR, 1, 0, 6,
	       "unknown field 'contry' (did you mean 'country'?)");
	fails(kb, NULL, "country.nmae=x");
	EXPECT(KB_EEXPR, 0, 8, 4, "unknown field 'nmae' (did you mean 'name'?)");
	fails(kb, NULL, "zzzzzzzz?");
	EXPECT(KB_EEXPR, 0, 0, 8, "unknown field 'zzzzzzzz'");
	/* the fields of the kinds covered: a control has no 'type' */
	fails(kb, "control", "type=country");
	EXPECT(KB_EEXPR, 0, 0, 4, "unknown field 'type' (a field of actor)");
	assert_string_equal(findk(kb, "actor", "type=country"), "us cn");
	/* after a ref, the fields of its target kinds */
	fails(kb, NULL, "imposed_by.since=2025");
	EXPECT(KB_EEXPR, 0, 11, 5, "unknown field 'since' (a field of control)");
	fails(kb, NULL, "name.x=1");
	EXPECT(KB_EEXPR, 0, 0, 4,
	       "field 'name' is not a ref: it cannot be followed");
	fails(kb, NULL, "id.name=1");
	EXPECT(KB_EEXPR, 0, 0, 2, "field 'id' is not a ref: it cannot be followed");
	fails(kb, NULL, ".name=x");
	EXPECT(KB_EEXPR, 0, 0, 1, "empty field name in path");
	fails(kb, NULL, "country..name=x");
	EXPECT(KB_EEXPR, 0, 8, 1, "empty field name in path");
}

static void bad_literals(void **state)
{
	struct kb *kb = *state;

	fails(kb, NULL, "name~(ab");
	EXPECT(KB_EEXPR, 0, 8, 1,
	       "bad regex: missing closing parenthesis at offset 3");
	fails(kb, NULL, "name=x", "~a[");
	EXPECT(KB_EEXPR, 1, 3, 1,
	       "bad regex: missing terminating ] for character class at offset 2");
	fails(kb, NULL, "date=2025-13");
	EXPECT(KB_EEXPR, 0, 5, 7, "bad date '2025-13' (YYYY, YYYY-MM or "
	       "YYYY-MM-DD, a day that exists)");
	fails(kb, NULL, "since>=2025-02-29");
	EXPECT(KB_EEXPR, 0, 7, 10, "bad date '2025-02-29' (YYYY, YYYY-MM or "
	       "YYYY-MM-DD, a day that exists)");
	fails(kb, NULL, "date<");
	EXPECT(KB_EEXPR, 0, 5, 1, "bad date '' (YYYY, YYYY-MM or YYYY-MM-DD, a "
	       "day that exists)");
	fails(kb, NULL, "seats>ten");
	EXPECT(KB_EEXPR, 0, 6, 3, "bad integer 'ten'");
	/* a regex on a date field is not a date */
	assert_string_equal(find(kb, "date~^2025-0[56]"), "ev-june ev-may");
	/* --as-of */
	assert_string_equal(findv(kb, 0, "2025-13", NULL, &E, W(NULL)), "ERROR");
	assert_int_equal(E.code, KB_EEXPR);
	assert_string_equal(E.message, "bad date '2025-13' for --as-of (YYYY, "
			    "YYYY-MM or YYYY-MM-DD)");
}

static void bad_grammar(void **state)
{
	struct kb *kb = *state;

	fails(kb, NULL, "(", "name=x");
	EXPECT(KB_EEXPR, 0, 0, 1, "'(' is never closed");
	fails(kb, NULL, "name=x", "(", "(", "name=y", ")");
	EXPECT(KB_EEXPR, 1, 0, 1, "'(' is never closed");
	fails(kb, NULL, "name=x", ")");
	EXPECT(KB_EEXPR, 1, 0, 1, "unexpected ')' (no '(' to close)");
	fails(kb, NULL, "(", ")");
	EXPECT(KB_EEXPR, 1, 0, 1, "unexpected ')' where a term was expected");
	fails(kb, NULL, "name", "=", "x");
	EXPECT(KB_EEXPR, 0, 0, 4, "'name' is not a term (FIELD=VALUE, "
	       "FIELD~REGEX, FIELD?, ~REGEX); a term is one shell word: write "
	       "'name=value', not 'name = value'");
	fails(kb, NULL, "name", "=x");
	EXPECT(KB_EEXPR, 0, 0, 4, "'name' is not a term (FIELD=VALUE, "
	       "FIELD~REGEX, FIELD?, ~REGEX); a term is one shell word: write "
	       "'name=value', not 'name = value'");
	fails(kb, NULL, "name");
	EXPECT(KB_EEXPR, 0, 0, 4, "'name' is not a term (FIELD=VALUE, "
	       "FIELD~REGEX, FIELD?, ~REGEX)");
	fails(kb, NULL, "kind=actor", "=x");
	EXPECT(KB_EEXPR, 1, 0, 1, "missing field name before '=' (a term is one "
	       "shell word: write 'name=value', not 'name = value')");
	fails(kb, NULL, "name=x", "and");
	EXPECT(KB_EEXPR, 1, 3, 1, "expression ends where a term was expected");
	fails(kb, NULL, "not");
	EXPECT(KB_EEXPR, 0, 3, 1, "expression ends where a term was expected");
	fails(kb, NULL, "or", "name=x");
	EXPECT(KB_EEXPR, 0, 0, 2, "unexpected 'or' where a term was expected");
	fails(kb, NULL, "name=x", "or", "and", "name=y");
	EXPECT(KB_EEXPR, 2, 0, 3, "unexpected 'and' where a term was expected");
	fails(kb, NULL, "");
	EXPECT(KB_EEXPR, 0, 0, 1, "empty word where a term was expected");
	fails(kb, NULL, "name!x");
	EXPECT(KB_EEXPR, 0, 4, 1, "unknown operator '!' (use =, !=, ~, !~, <, "
	       "<=, >, >=, or FIELD? alone)");
	fails(kb, NULL, "name?x");
	EXPECT(KB_EEXPR, 0, 4, 1, "unknown operator '?' (use =, !=, ~, !~, <, "
	       "<=, >, >=, or FIELD? alone)");
}

static void limits(void **state)
{
	struct kb *kb = *state;
	const char **w = calloc(700, sizeof(*w));
	size_t i;

	assert_non_null(w);
	/* 300 nested parentheses: over the nesting limit, not a stack
	 * overflow */
	for (i = 0; i < 300; i++)
		w[i] = "(";
	w[300] = "name=x";
	for (i = 301; i < 601; i++)
		w[i] = ")";
	assert_string_equal(findv(kb, 0, NULL, NULL, &E, w), "ERROR");
	EXPECT(KB_ELIMIT, 256, 0, 1, "expression nests deeper than 256 levels");
	/* 100 are fine */
	for (i = 0; i < 100; i++)
		w[i] = "(";
	w[100] = "name=China";
	for (i = 101; i < 201; i++)
		w[i] = ")";
	w[201] = NULL;
	assert_string_equal(findv(kb, 0, NULL, NULL, &E, w), "cn");
	free(w);
	/* more than 10000 words */
	w = calloc(10002, sizeof(*w));
	assert_non_null(w);
	for (i = 0; i < 10001; i++)
		w[i] = "name=x";
	assert_string_equal(findv(kb, 0, NULL, NULL, &E, w), "ERROR");
	EXPECT(KB_ELIMIT, 10000, 0, 1,
	       "expression of 10001 words is over the limit of 10000");
	/* 1000 are fine (SPEC's floor) */
	w[1000] = NULL;
	assert_string_equal(findv(kb, 0, NULL, NULL, &E, w), "");
	free(w);
	/* a word over 1 MiB; 64 KiB is fine */
	{
		size_t n = ((size_t)1 << 20) + 1;
		char *big = malloc(n + 8);
		assert_non_null(big);
		memcpy(big, "name=", 5);
		memset(big + 5, 'x', n - 5);
		big[n] = '\0';
		assert_string_equal(findv(kb, 0, NULL, NULL, &E,
					  W("kind=actor", big)), "ERROR");
		EXPECT(KB_ELIMIT, 1, 0, 1, "expression word of 1048577 bytes is "
		       "over the limit of 1048576");
		big[65536] = '\0';
		assert_string_equal(findv(kb, 0, NULL, NULL, &E, W(big)), "");
		free(big);
	}
	/* a path of more than 32 steps; 16 are fine (SPEC's floor) */
	{
		char p[512] = "";
		for (i = 0; i < 33; i++)
			strcat(p, i ? ".country" : "country");
		strcat(p, "?");
		assert_string_equal(findv(kb, 0, NULL, NULL, &E, W(p)), "ERROR");
		EXPECT(KB_ELIMIT, 0, 0, strlen(p) - 1,
		       "path of 33 steps is over the limit of 32");
		p[0] = '\0';
		for (i = 0; i < 15; i++)
			strcat(p, "member_of.");
		strcat(p, "name=United States");
		assert_string_equal(findv(kb, 0, NULL, NULL, &E, W(p)), "");
	}
}

/* Refs that point back at each other multiply: a long path over them is
 * cut off, located, rather than left to run for hours. */
static void ref_fanout_bounded(void **state)
{
	struct kb *kb = kbm_ok("r.yaml",
		"- {id: a, kind: x, f: [b, b, b, b, b, b, b, b, b, b]}\n"
		"- {id: b, kind: x, f: [a, a, a, a, a, a, a, a, a, a]}\n", NULL);

	(void)state;
	assert_string_equal(findv(kb, 0, NULL, NULL, &E,
		W("f.f.f.f.f.f.f.f.f.f.f.f.f.f.f.id=zz")), "EMATCH");
	assert_error(&E, KB_EMATCH, "r.yaml", 1, 3, "paths from record 'a' reach "
		     "more than 1048576 records (refs fan out)");
	/* a short path over the same records answers */
	assert_string_equal(find(kb, "f.f.id=b"), "b");
	kb_free(kb);
}

static void catastrophic_regex_bounded(void **state)
{
	size_t n = 5000, i;
	char *y = malloc(n + 64);
	struct kb *kb;
	int used;

	(void)state;
	assert_non_null(y);
	used = snprintf(y, n + 64, "id: r\nkind: x\nname: ");
	for (i = 0; i < n; i++)
		y[used + (int)i] = 'a';
	strcpy(y + used + n, "b\n");
	kb = kbm_ok("r.yaml", y, NULL);
	/* the match limit stops it: an error, not hours of backtracking */
	assert_string_equal(findv(kb, 0, NULL, NULL, &E, W("name~^(a+)+$")),
			    "EMATCH");
	/* located at the value */
	assert_error(&E, KB_EMATCH, "r.yaml", 3, 7, "regex hit its match limit "
		     "on this value of 'r.name' (simplify the pattern)");
	/* and under not: an error, never a silent "no" turned "yes" */
	assert_string_equal(findv(kb, 0, NULL, NULL, &E,
				  W("not", "name~^(a+)+$")), "EMATCH");
	assert_string_equal(findv(kb, 0, NULL, NULL, &E, W("~^(a+)+$")), "EMATCH");
	/* an honest regex on the same subject answers */
	assert_string_equal(findv(kb, 0, NULL, NULL, &E, W("name~^a+b$")), "r");
	kb_free(kb);
	free(y);
}

static void schemaless(void **state)
{
	struct kb *kb = kbm_ok("r.yaml",
		"- {id: cn, kind: country, name: China}\n"
		"- {id: m, kind: body, name: Ministry, country: cn, n: '9'}\n"
		"- {id: e, kind: event, who: [m, nobody], date: 2025-06-01, n: '10'}\n",
		NULL);

	(void)state;
	/* any name is a field; A.B follows any value that is an id */
	assert_string_equal(find(kb, "country.name=China"), "m");
	assert_string_equal(find(kb, "who.country.name=China"), "e");
	assert_string_equal(find(kb, "anything=x"), "");
	assert_string_equal(find(kb, "anything!=x"), "cn m e");
	/* every value is text: bytes, not numbers or periods */
	assert_string_equal(find(kb, "n>5"), "m");
	assert_string_equal(find(kb, "date=2025-06"), "");
	assert_string_equal(find(kb, "date>2025-06"), "e");
	kb_free(kb);
}

static int walk_cb(const struct kb_record *owner, const struct kb_field *f,
		   const struct kb_value *v, void *ud)
{
	char *buf = ud;
	size_t used = strlen(buf);

	snprintf(buf + used, 512 - used, "%s%s.%s=%s", used ? " " : "", owner->id,
		 f->name, v->text);
	return 0;
}

static void path_walk(void **state)
{
	struct kb *kb = *state;
	char buf[512] = "";

	assert_int_equal(kb_path_walk(kb, kb_get(kb, "ev-june"), "actors.country.name",
				      walk_cb, buf), 0);
	assert_string_equal(buf, "us.name=United States cn.name=China");
	buf[0] = '\0';
	assert_int_equal(kb_path_walk(kb, kb_get(kb, "cn"), "aliases", walk_cb,
				      buf), 0);
	assert_string_equal(buf, "cn.aliases=PRC cn.aliases=People's Republic of "
			    "China");
	buf[0] = '\0';
	assert_int_equal(kb_path_walk(kb, kb_get(kb, "cn"), "country.name", walk_cb,
				      buf), 0);
	assert_string_equal(buf, "");
}

static void follows_refs(void **state)
{
	struct kb *kb = *state;
	struct kb_query *q;
	const char *a[] = { "name=x" }, *b[] = { "name=x", "country.name=y" },
		*c[] = { "^country" };

	assert_int_equal(kb_query_compile(&q, kb, a, 1, NULL, 0, 0, NULL, &E), 0);
	assert_false(kb_query_follows_refs(q));
	kb_query_free(q);
	assert_int_equal(kb_query_compile(&q, kb, b, 2, NULL, 0, 0, NULL, &E), 0);
	assert_true(kb_query_follows_refs(q));
	kb_query_free(q);
	assert_int_equal(kb_query_compile(&q, kb, c, 1, NULL, 0, 0, NULL, &E), 0);
	assert_true(kb_query_follows_refs(q));
	kb_query_free(q);
	kb_query_free(NULL);
}

/* ---- back-links (^F) ------------------------------------------------------ */

static void backlinks(void **state)
{
	struct kb *kb = *state;

	/* the records some record names in its ref field F */
	assert_string_equal(findk(kb, "actor", "^imposed_by"), "us cn");
	assert_string_equal(find(kb, "^imposed_by"), "us cn");
	assert_string_equal(find(kb, "^imposed_by?"), "us cn");
	assert_string_equal(find(kb, "^country"), "us cn");
	assert_string_equal(find(kb, "^actors"), "us cn mofcom lutnick");
	assert_string_equal(findk(kb, "actor", "not", "^imposed_by"),
			    "mofcom aero lutnick");
	/* ^F.PATH OP VALUE: one of those records satisfies the term */
	assert_string_equal(find(kb, "^imposed_by.since>=2025"), "us cn");
	assert_string_equal(find(kb, "^imposed_by.since<2020"), "us");
	assert_string_equal(find(kb, "^imposed_by.until?"), "us");
	assert_string_equal(find(kb, "^imposed_by.until"), "us");
	assert_string_equal(find(kb, "^imposed_by.items!=samarium"), "us");
	assert_string_equal(find(kb, "^actors.date=2025-06"), "mofcom lutnick");
	/* ^F OP VALUE: the referring record's id */
	assert_string_equal(find(kb, "^imposed_by=old"), "us");
	assert_string_equal(find(kb, "^imposed_by~^cn-"), "cn");
	/* through refs after F: events whose actors are Chinese */
	assert_string_equal(find(kb, "^actors.actors.country=cn"),
			    "mofcom lutnick");
	assert_string_equal(find(kb, "^member_of.country.name=United States"),
			    "us");
	/* composed: or, and, parentheses */
	assert_string_equal(find(kb, "^country", "or", "^actors.date<2025-06"),
			    "us cn");
	assert_string_equal(find(kb, "type=person", "^actors"), "lutnick");
	assert_string_equal(find(kb, "(", "^imposed_by", "or", "^actors", ")",
				 "not", "^country"), "mofcom lutnick");
	/* -i reaches the referring records' term */
	assert_string_equal(findf(kb, KB_Q_ICASE, "^actors.name=LONDON TALKS"),
			    "mofcom lutnick");
	assert_string_equal(find(kb, "^actors.name=LONDON TALKS"), "");
	/* --as-of keeps the records listed, never filters those found
	 * through ^F: 'old' ended in 2020 */
	assert_string_equal(finda(kb, "2025-06-09", "^imposed_by.since<2020"),
			    "us");
	assert_string_equal(finda(kb, "2025-06-09", "kind=control",
				  "^imposed_by"), "");
}

static void backlink_errors(void **state)
{
	struct kb *kb = *state;

	fails(kb, "actor", "^items");
	EXPECT(KB_EEXPR, 0, 1, 5, "field 'items' is not a ref: no record points "
	       "through it (fields that may point to 'actor': 'country', "
	       "'member_of', 'imposed_by', 'actors', 'about', 'outlet')");
	fails(kb, "control", "^country");
	EXPECT(KB_EEXPR, 0, 1, 7, "ref field 'country' never points to "
	       "'control' records (it points to 'actor') (fields that may point "
	       "to 'control': 'about')");
	fails(kb, "source", "name=x", "^sorces");
	EXPECT(KB_EEXPR, 1, 1, 6, "unknown ref field 'sorces' (did you mean "
	       "'sources'?)");
	fails(kb, NULL, "^");
	EXPECT(KB_EEXPR, 0, 0, 1, "missing field name after '^' (write '^FIELD' "
	       "or '^FIELD.PATH=VALUE')");
	fails(kb, NULL, "^kind");
	EXPECT(KB_EEXPR, 0, 1, 4, "field 'kind' is not a ref: no record points "
	       "through it");
	/* the term after ^F., checked for the kinds holding F, located in
	 * the word as written */
	fails(kb, NULL, "^imposed_by.nmae=x");
	EXPECT(KB_EEXPR, 0, 12, 4, "unknown field 'nmae' (did you mean 'name'?)");
	fails(kb, NULL, "^imposed_by.type=x");
	EXPECT(KB_EEXPR, 0, 12, 4, "unknown field 'type' (a field of actor)");
	fails(kb, NULL, "^imposed_by.since>=2025-02-30");
	EXPECT(KB_EEXPR, 0, 19, 10, "bad date '2025-02-30' (YYYY, YYYY-MM or "
	       "YYYY-MM-DD, a day that exists)");
	fails(kb, NULL, "^imposed_by~(");
	EXPECT(KB_EEXPR, 0, 13, 1, "bad regex: missing closing parenthesis at "
	       "offset 1");
	fails(kb, NULL, "^imposed_by.~x");
	EXPECT(KB_EEXPR, 0, 12, 1, "a field name is expected after '^imposed_by.'");
}

/* A kind that no ref may point to; a KB without a schema. */
static void backlink_kinds(void **state)
{
	struct kb *kb = kbm_ok("kb/schema.yaml",
		"kinds:\n"
		"  note:\n    fields:\n      on: {type: ref, to: task}\n"
		"  task:\n    fields:\n      size: {type: int}\n", "kb/r.yaml",
		"- {id: n1, kind: note, on: t1}\n- {id: t1, kind: task}\n", NULL);
	struct kb *plain = kbm_ok("r.yaml",
		"- {id: cn, kind: country, name: China}\n"
		"- {id: m, kind: body, name: Ministry, country: cn}\n"
		"- {id: e, kind: event, who: [m, nobody], date: 2025-06-01}\n", NULL);

	(void)state;
	assert_string_equal(findk(kb, "task", "^on"), "t1");
	fails(kb, "note", "^on");
	EXPECT(KB_EEXPR, 0, 0, 3, "nothing points to 'note' records: no ref "
	       "field of the schema may name them");
	/* schema-less: any field but id and kind, followed as written */
	assert_string_equal(find(plain, "^country"), "cn");
	assert_string_equal(find(plain, "^who"), "m");
	assert_string_equal(find(plain, "^who.date=2025-06-01"), "m");
	assert_string_equal(find(plain, "^who.country.name=China"), "");
	assert_string_equal(find(plain, "^name"), "");
	assert_string_equal(find(plain, "^who.whatever?"), "");
	fails(plain, NULL, "^id");
	kb_free(kb);
	kb_free(plain);
}

/* The referring records are found when the query is compiled, where a
 * regex limit or a fan-out is an error at the referring record; a
 * streamed KB cannot answer. */
static void backlink_bounds(void **state)
{
	struct kb *kb = kbm_ok("r.yaml",
		"- {id: a, kind: x, f: [b, b, b, b, b, b, b, b, b, b]}\n"
		"- {id: b, kind: x, f: [a, a, a, a, a, a, a, a, a, a]}\n", NULL);
	static const char stext[] = "- {id: a, kind: x, f: b}\n"
				    "- {id: b, kind: x}\n";
	const struct kb_memfile mf = { "s.yaml", stext, sizeof(stext) - 1 };
	struct kb_open_opts oo = { .stream = true };
	const char *w[] = { "^f" };
	struct kb_query *q;
	struct kb *st;

	(void)state;
	assert_string_equal(findv(kb, 0, NULL, NULL, &E,
		W("^f.f.f.f.f.f.f.f.f.f.f.f.f.f.f.id=zz")), "ERROR");
	assert_error(&E, KB_EMATCH, "r.yaml", 1, 3, "paths from record 'a' reach "
		     "more than 1048576 records (refs fan out)");
	/* f.f.id=a holds for b (its f names a), and b's f names a */
	assert_string_equal(find(kb, "^f.f.id=a"), "a");
	kb_free(kb);
	/* on a streamed KB, a back-link query compiles, says it follows
	 * refs, and refuses to match until the KB is loaded (kb_load) and
	 * the query compiled again */
	assert_int_equal(kb_open_mem(&st, &mf, 1, &oo, &E), 0);
	assert_int_equal(kb_query_compile(&q, st, w, 1, NULL, 0, 0, NULL, &E), 0);
	assert_true(kb_query_follows_refs(q));
	{
		struct kb_value idv = { "b", 1, 2, 7 };
		struct kb_field idf = { "id", &idv, 1, 2, 3, false };
		struct kb_record r = { "b", "x", "s.yaml", 2, 3, 1, 1, &idf };
		assert_int_equal(kb_query_match(q, &r, &E), -KB_EUSAGE);
		assert_string_equal(E.message, "a back-link term needs the KB "
				    "loaded whole (kb_load), not streamed");
		kb_error_free(&E);
	}
	kb_query_free(q);
	assert_int_equal(kb_load(st, &E), 0);
	assert_int_equal(kb_count(st), 2);
	assert_int_equal(kb_query_compile(&q, st, w, 1, NULL, 0, 0, NULL, &E), 0);
	assert_int_equal(kb_query_match(q, kb_get(st, "b"), &E), 1);
	assert_int_equal(kb_query_match(q, kb_get(st, "a"), &E), 0);
	kb_query_free(q);
	kb_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_matches_all),
		cmocka_unit_test(equality_and_lists),
		cmocka_unit_test(regex_ops),
		cmocka_unit_test(absent_fields),
		cmocka_unit_test(presence),
		cmocka_unit_test(grammar),
		cmocka_unit_test(any_field),
		cmocka_unit_test(refs),
		cmocka_unit_test(dates_as_periods),
		cmocka_unit_test(invalid_stored_values),
		cmocka_unit_test(invalid_values_of_every_type),
		cmocka_unit_test(ints),
		cmocka_unit_test(bytes_otherwise),
		cmocka_unit_test(icase),
		cmocka_unit_test(fixed),
		cmocka_unit_test(as_of),
		cmocka_unit_test(unknown_fields),
		cmocka_unit_test(bad_literals),
		cmocka_unit_test(bad_grammar),
		cmocka_unit_test(limits),
		cmocka_unit_test(ref_fanout_bounded),
		cmocka_unit_test(catastrophic_regex_bounded),
		cmocka_unit_test(schemaless),
		cmocka_unit_test(path_walk),
		cmocka_unit_test(follows_refs),
		cmocka_unit_test(backlinks),
		cmocka_unit_test(backlink_errors),
		cmocka_unit_test(backlink_kinds),
		cmocka_unit_test(backlink_bounds),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
