/* SPDX-License-Identifier: MIT */
/* date: the one calendar — civil dates as day numbers, and the reporting
 * periods (Ky) with their first and last days.
 *
 * A day number counts days since 1970-01-01 (a Thursday), in the
 * proleptic Gregorian calendar, so that date arithmetic and weekdays are
 * plain integer work.  -1 means "no date".  It is also the day number of
 * 31/12/1969, so date_day() and date_parse() refuse that one day (as if
 * it did not exist; no deadline task is that old).  The lowest layer:
 * knows nothing of the model. */
#ifndef CHITIEU_DATE_H
#define CHITIEU_DATE_H
#include <stdint.h>

/* 1 when y is a leap year: divisible by 4, except centuries not
 * divisible by 400 (1900 and 2100 are not, 2000 is). */
int date_leap(int y);
/* Days in month mo (1..12) of year y; 0 for a month outside 1..12. */
int date_days_in_month(int y, int mo);
/* The day number of y-mo-d, or -1 when that date does not exist
 * (30/02/2024, 29/02/2023, month 13) or the year is outside 1900..9999. */
int date_day(int y, int mo, int d);
/* The date of a day number (any int, before 1970 too). */
void date_ymd(int day, int *y, int *mo, int *d);
/* A spreadsheet's date serial (a cell's whole days) as a civil date.
 * date1904: the workbook's 1904 date system, where serial 0 is
 * 1904-01-01.  Else serial 1 is 1900-01-01, and serial 60 is Excel's
 * 29 February 1900, a day that never was (Lotus 1-2-3's leap-year bug,
 * kept by Excel for its serials): given as 1900-02-29, so that every later
 * serial is one day past the real count.  Returns 0, or -1 for a serial
 * outside 1900-01-01..9999-12-31 (serial 0 of the 1900 system too). */
int date_excel_serial(long serial, int date1904, int *y, int *mo, int *d);
/* 0 Monday .. 6 Sunday. */
int date_weekday(int day);
/* The day number of the last day of month mo of year y (-1 as date_day). */
int date_month_end(int y, int mo);

typedef enum {
	DATE_OK = 0,
	DATE_EMPTY,      /* empty text */
	DATE_BAD_SHAPE,  /* not dd/mm/yyyy nor yyyy-mm-dd */
	DATE_NO_SUCH_DAY /* the right shape but no such day */
} DateParse;
/* Parses "dd/mm/yyyy" (also "d/m/yyyy", as clerks type) or "yyyy-mm-dd"
 * into *day.  Surrounding spaces are allowed.  On DATE_NO_SUCH_DAY,
 * *why (when not NULL) gets a static English reason ("February has 29 days that
 * year"), marked N_() for the catalogue: a message translates it (msg_add_args). */
DateParse date_parse(const char *s, int *day, const char **why);

/* A reporting period: a month (kind 'M', n 1..12) or a quarter
 * (kind 'Q', n 1..4) of a year. */
typedef struct {
	int16_t year;      /* 1900..9999 */
	char kind;         /* 'M' or 'Q' */
	signed char n;     /* 1..12 or 1..4 */
} Ky;                  /* 4 bytes: half a million figure rows carry one */

/* Inline: called for every figure row when reading and evaluating
 * (half a million at 10,000 units). */
static inline int ky_first_month(Ky k) { return k.kind == 'Q' ? 3 * (k.n - 1) + 1 : k.n; } /* 1..12 */
static inline int ky_last_month(Ky k) { return k.kind == 'Q' ? 3 * k.n : k.n; }            /* 1..12 */
/* Parses "2024-05" or "2024-Q2" (also "2024-q2"); 0 on success.  Inline:
 * every figure row has a period. */
static inline int ky_parse(const char *s, Ky *out)
{
	int y = 0, i;
	for (i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	if (s[4] != '-' || y < 1900)
		return -1;
	s += 5;
	if ((s[0] == 'Q' || s[0] == 'q') && s[1] >= '1' && s[1] <= '4' && s[2] == '\0') {
		*out = (Ky){y, 'Q', s[1] - '0'};
		return 0;
	}
	if (s[0] >= '0' && s[0] <= '1' && s[1] >= '0' && s[1] <= '9' && s[2] == '\0') {
		int mo = (s[0] - '0') * 10 + (s[1] - '0');
		if (mo < 1 || mo > 12)
			return -1;
		*out = (Ky){y, 'M', mo};
		return 0;
	}
	return -1;
}

/* "2024-05" / "2024-Q2" into out (at least 9 bytes). */
void ky_format(Ky k, char out[16]);
/* Orders by last month, then months before quarters. */
static inline int ky_cmp(Ky a, Ky b)
{
	int la = a.year * 12 + ky_last_month(a), lb = b.year * 12 + ky_last_month(b);
	if (la != lb)
		return la < lb ? -1 : 1;
	if (a.kind != b.kind)
		return a.kind == 'M' ? -1 : 1;
	return 0;
}
/* The day numbers of the first and the last day of the period
 * (-1 as date_day for a year outside 1900..9999). */
int date_ky_start(Ky k);
int date_ky_end(Ky k);

#endif
