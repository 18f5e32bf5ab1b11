/* SPDX-License-Identifier: MIT */
/* date: civil dates as day numbers and the periods' days; see date.h. */
#include "date.h"

#include "msg.h"

#include <stdio.h>

int date_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int date_days_in_month(int y, int mo)
{
	static const int n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (mo < 1 || mo > 12)
		return 0;
	return mo == 2 && date_leap(y) ? 29 : n[mo - 1];
}

/* Days from civil, after H. Hinnant's algorithm: years start in March so
 * the leap day is the last of the year, and 400 years (an era) are always
 * 146097 days. */
int date_day(int y, int mo, int d)
{
	if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > date_days_in_month(y, mo))
		return -1;
	int yy = mo <= 2 ? y - 1 : y;
	int era = yy / 400;
	int yoe = yy - era * 400;
	int doy = (153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int date_excel_serial(long serial, int date1904, int *y, int *mo, int *d)
{
	if (serial < 0 || serial > 3000000)
		return -1;
	if (!date1904 && serial == 60) {
		*y = 1900, *mo = 2, *d = 29;
		return 0;
	}
	/* day numbers of the systems' day 0: 1904-01-01, and 1899-12-31 (one
	 * day less after the day that never was) */
	long day = date1904 ? serial - 24107 : serial - (serial < 60 ? 25568 : 25569);
	if (day < date_day(1900, 1, 1) || day > date_day(9999, 12, 31))
		return -1;
	date_ymd((int)day, y, mo, d);
	return 0;
}

/* Its inverse (civil from days).  long: no int day can overflow it. */
void date_ymd(int day, int *y, int *mo, int *d)
{
	long z = (long)day + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*mo = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*mo <= 2));
}

int date_weekday(int day)
{
	/* 1970-01-01 was a Thursday (3 counting from Monday = 0). */
	int r = day % 7 + 3;
	return r >= 7 ? r - 7 : r < 0 ? r + 7 : r;
}

int date_month_end(int y, int mo)
{
	return date_day(y, mo, date_days_in_month(y, mo));
}

/* Reads 1..maxd digits; returns the count read, 0 when none. */
static int S_so(const char **p, int maxd, int *out)
{
	int n = 0, v = 0;
	while (n < maxd && (*p)[0] >= '0' && (*p)[0] <= '9') {
		v = v * 10 + ((*p)[0] - '0');
		(*p)++;
		n++;
	}
	*out = v;
	return n;
}

DateParse date_parse(const char *s, int *day, const char **why)
{
	static const char *const ly_do[12] = {
	    N_("January has 31 days"), N_("February has 28 or 29 days"),
	    N_("March has 31 days"), N_("April has 30 days"), N_("May has 31 days"), N_("June has 30 days"),
	    N_("July has 31 days"), N_("August has 31 days"), N_("September has 30 days"),
	    N_("October has 31 days"), N_("November has 30 days"), N_("December has 31 days")};
	int y, mo, d, n1, n2, n3;
	const char *p = s;
	if (why)
		*why = NULL;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0')
		return DATE_EMPTY;
	n1 = S_so(&p, 4, &y);
	if (n1 == 4 && *p == '-') {
		p++;
		n2 = S_so(&p, 2, &mo);
		if (n2 == 0 || *p++ != '-')
			return DATE_BAD_SHAPE;
		n3 = S_so(&p, 2, &d);
		if (n3 == 0)
			return DATE_BAD_SHAPE;
	} else if (n1 >= 1 && n1 <= 2 && *p == '/') {
		d = y;
		p++;
		n2 = S_so(&p, 2, &mo);
		if (n2 == 0 || *p++ != '/')
			return DATE_BAD_SHAPE;
		n3 = S_so(&p, 4, &y);
		/* A two-digit year would be a guess of the century. */
		if (n3 != 4)
			return DATE_BAD_SHAPE;
	} else
		return DATE_BAD_SHAPE;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '\0')
		return DATE_BAD_SHAPE;
	if (mo < 1 || mo > 12) {
		if (why)
			*why = N_("a year has 12 months");
		return DATE_NO_SUCH_DAY;
	}
	if (y < 1900) {
		if (why)
			*why = N_("the year is before 1900");
		return DATE_NO_SUCH_DAY;
	}
	*day = date_day(y, mo, d);
	if (*day < 0) {
		if (why) {
			if (mo == 2)
				*why = date_leap(y) ? N_("February has 29 days that year")
				                    : N_("February has 28 days that year (not a leap year)");
			else
				*why = ly_do[mo - 1];
		}
		return DATE_NO_SUCH_DAY;
	}
	return DATE_OK;
}

/* --- Periods ------------------------------------------------------------ */


void ky_format(Ky k, char out[16])
{
	if (k.kind == 'Q')
		snprintf(out, 16, "%04d-Q%d", k.year, k.n);
	else
		snprintf(out, 16, "%04d-%02d", k.year, k.n);
}


int date_ky_start(Ky k) { return date_day(k.year, ky_first_month(k), 1); }
int date_ky_end(Ky k) { return date_month_end(k.year, ky_last_month(k)); }
