/* date.c - ISO 8601 dates of year, month or day precision, as periods. */
#include "kb-int.h"

#include <stdio.h>
#include <string.h>

static bool leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int mdays(long y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil). */
static int32_t days(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

static int digits(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool kb_date_parse(const char *s, size_t len, struct kb_period *p)
{
	int y, m, d;

	if (len != 4 && len != 7 && len != 10)
		return false;
	if ((y = digits(s, 4)) < 0)
		return false;
	if (len == 4) {
		p->first = days(y, 1, 1);
		p->last = days(y, 12, 31);
		return true;
	}
	if (s[4] != '-' || (m = digits(s + 5, 2)) < 1 || m > 12)
		return false;
	if (len == 7) {
		p->first = days(y, m, 1);
		p->last = days(y, m, mdays(y, m));
		return true;
	}
	if (s[7] != '-' || (d = digits(s + 8, 2)) < 1 || d > mdays(y, m))
		return false;
	p->first = p->last = days(y, m, d);
	return true;
}

void kb_date_format(int32_t z, char buf[11])
{
	long era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	char tmp[48];

	snprintf(tmp, sizeof(tmp), "%04ld-%02ld-%02ld", y % 10000, m, d);
	memcpy(buf, tmp, 10);
	buf[10] = '\0';
}
