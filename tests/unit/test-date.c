/* test-date.c - ISO 8601 dates as periods of days (date.c).  The day
 * numbers below were computed independently (Python's datetime). */
#include "unit.h"

#include <stdio.h>
#include <string.h>

static struct kb_period P(const char *s)
{
	struct kb_period p = { -99999999, -99999999 };

	if (!kb_date_parse(s, strlen(s), &p))
		fail_msg("'%s' should parse", s);
	return p;
}

static bool ok(const char *s)
{
	struct kb_period p;

	return kb_date_parse(s, strlen(s), &p);
}

static const char *fmt(int32_t day)
{
	static char buf[11];

	kb_date_format(day, buf);
	return buf;
}

static void days(void **state)
{
	(void)state;
	assert_int_equal(P("1970-01-01").first, 0);
	assert_int_equal(P("1969-12-31").first, -1);
	assert_int_equal(P("2000-01-01").first, 10957);
	assert_int_equal(P("2025-06-09").first, 20248);
	assert_int_equal(P("2025-06-09").last, 20248);
	assert_int_equal(P("1900-03-01").first, -25508);
	assert_int_equal(P("0001-01-01").first, -719162);
	assert_int_equal(P("9999-12-31").first, 2932896);
}

static void years_and_months_are_periods(void **state)
{
	(void)state;
	assert_int_equal(P("2025").first, 20089);	/* 2025-01-01 */
	assert_int_equal(P("2025").last, 20453);	/* 2025-12-31 */
	assert_int_equal(P("2025-04").first, 20179);	/* 2025-04-01 */
	assert_int_equal(P("2025-04").last, 20208);	/* 2025-04-30 */
	assert_int_equal(P("2024-02").first, 19754);
	assert_int_equal(P("2024-02").last, 19782);	/* the 29th */
	assert_int_equal(P("2023-02").last, 19416);	/* the 28th */
	/* a leap year has 366 days, others 365 */
	assert_int_equal(P("2024").last - P("2024").first + 1, 366);
	assert_int_equal(P("2023").last - P("2023").first + 1, 365);
	assert_int_equal(P("2000").last - P("2000").first + 1, 366);
	assert_int_equal(P("1900").last - P("1900").first + 1, 365);
}

static void month_lengths(void **state)
{
	static const int len[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	char s[32];
	int m;

	(void)state;
	for (m = 1; m <= 12; m++) {
		struct kb_period p;
		snprintf(s, sizeof(s), "2025-%02d", m);
		p = P(s);
		assert_int_equal(p.last - p.first + 1, len[m - 1]);
		snprintf(s, sizeof(s), "2025-%02d-%02d", m, len[m - 1]);
		assert_true(ok(s));
		snprintf(s, sizeof(s), "2025-%02d-%02d", m, len[m - 1] + 1);
		assert_false(ok(s));
	}
}

static void leap_years(void **state)
{
	(void)state;
	assert_true(ok("2024-02-29"));
	assert_int_equal(P("2024-02-29").first, 19782);
	assert_false(ok("2025-02-29"));
	assert_false(ok("2025-02-30"));
	assert_false(ok("2024-02-30"));
	assert_true(ok("2000-02-29"));	/* divisible by 400 */
	assert_false(ok("1900-02-29"));	/* by 100 but not 400 */
	assert_true(ok("1600-02-29"));
	assert_int_equal(P("1600-02-29").first, -135081);
}

static void bad_shapes(void **state)
{
	static const char *const bad[] = {
		"", "2", "202", "20255", "2025-6-1", "2025-6", "2025-06-1",
		"2025-06-001", "2025/06/09", "2025-06-09T00:00", "2025-00",
		"2025-13", "2025-06-00", "2025-06-32", "2025-1a", "2o25",
		"+2025", "-2025", " 2025", "2025 ", "2025-", "2025-06-",
		"25-06-09", "2025--6-09", "2025-06-09 ", "202５", "20250609",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		if (ok(bad[i]))
			fail_msg("'%s' should not be a date", bad[i]);
}

static void length_is_honoured(void **state)
{
	struct kb_period p;

	(void)state;
	/* only len bytes are read: "2025-06" out of a longer buffer */
	assert_true(kb_date_parse("2025-06-31", 7, &p));
	assert_int_equal(p.first, P("2025-06").first);
	assert_true(kb_date_parse("2025xyz", 4, &p));
	assert_int_equal(p.last, P("2025").last);
}

static void format(void **state)
{
	(void)state;
	assert_string_equal(fmt(0), "1970-01-01");
	assert_string_equal(fmt(-1), "1969-12-31");
	assert_string_equal(fmt(19782), "2024-02-29");
	assert_string_equal(fmt(20248), "2025-06-09");
	assert_string_equal(fmt(-719162), "0001-01-01");
	assert_string_equal(fmt(2932896), "9999-12-31");
}

static void format_round_trips(void **state)
{
	int32_t d;

	(void)state;
	/* every day of four centuries, either side of the epoch */
	for (d = -146097 * 2; d <= 146097 * 2; d++) {
		struct kb_period p;
		const char *s = fmt(d);
		if (!kb_date_parse(s, 10, &p) || p.first != d || p.last != d)
			fail_msg("day %d formats as '%s' which parses as %d", d, s,
				 p.first);
	}
}

static void period_bounds_format(void **state)
{
	(void)state;
	assert_string_equal(fmt(P("2024-02").last), "2024-02-29");
	assert_string_equal(fmt(P("2025-04").first), "2025-04-01");
	assert_string_equal(fmt(P("2025-04").last), "2025-04-30");
	assert_string_equal(fmt(P("2025").first), "2025-01-01");
	assert_string_equal(fmt(P("2025").last), "2025-12-31");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(days),
		cmocka_unit_test(years_and_months_are_periods),
		cmocka_unit_test(month_lengths),
		cmocka_unit_test(leap_years),
		cmocka_unit_test(bad_shapes),
		cmocka_unit_test(length_is_honoured),
		cmocka_unit_test(format),
		cmocka_unit_test(format_round_trips),
		cmocka_unit_test(period_bounds_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
