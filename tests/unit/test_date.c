/* SPDX-License-Identifier: MIT */
/* Unit tests of the calendar (date.c): leap years, month ends, day
 * numbers there and back over 1900..2100, weekdays of dates a wall
 * calendar shows, the periods' first and last days, and the date parser. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "date.h"

/* The day number of a date that exists (before 1970 it is negative). */
static int D(int y, int mo, int d)
{
	int day = date_day(y, mo, d), yy, mm, dd;
	date_ymd(day, &yy, &mm, &dd);
	assert_true(yy == y && mm == mo && dd == d);
	return day;
}

static void test_date_leap_years(void **state)
{
	assert_false(date_leap(1900)); /* a century not divisible by 400 */
	assert_true(date_leap(2000));  /* one divisible by 400 */
	assert_true(date_leap(2024));
	assert_false(date_leap(2023));
	assert_false(date_leap(2100));
	assert_true(date_leap(2400));
	assert_int_equal(date_days_in_month(1900, 2), 28);
	assert_int_equal(date_days_in_month(2000, 2), 29);
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2100, 2), 28);
	assert_int_equal(date_day(1900, 2, 29), -1);
	assert_int_equal(date_day(2100, 2, 29), -1);
	assert_true(date_day(2000, 2, 29) >= 0);
	/* A year is 365 or 366 days, whatever the rule says of it. */
	for (int y = 1900; y < 2100; y++)
		assert_int_equal(date_day(y + 1, 1, 1) - date_day(y, 1, 1), date_leap(y) ? 366 : 365);
	/* 400 years are always 146097 days (1900..2100 is inside one era's span). */
	assert_int_equal(date_day(2300, 3, 1) - date_day(1900, 3, 1), 146097);
}

static void test_date_month_ends(void **state)
{
	static const int n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	for (int mo = 1; mo <= 12; mo++) {
		assert_int_equal(date_days_in_month(2023, mo), n[mo - 1]);
		assert_int_equal(date_days_in_month(2024, mo), mo == 2 ? 29 : n[mo - 1]);
		/* The month's end is the day before the next month's first. */
		int next = mo == 12 ? date_day(2025, 1, 1) : date_day(2024, mo + 1, 1);
		assert_int_equal(date_month_end(2024, mo), next - 1);
		assert_int_equal(date_day(2024, mo, n[mo - 1] + (mo == 2) + 1), -1);
	}
	assert_int_equal(date_days_in_month(2024, 0), 0);
	assert_int_equal(date_days_in_month(2024, 13), 0);
	assert_int_equal(date_month_end(2024, 13), -1);
	assert_int_equal(date_month_end(1899, 12), -1);
	int y, mo, d;
	date_ymd(date_month_end(2024, 2), &y, &mo, &d);
	assert_true(y == 2024 && mo == 2 && d == 29);
	date_ymd(date_month_end(2100, 2), &y, &mo, &d);
	assert_true(y == 2100 && mo == 2 && d == 28);
}

static void test_date_weekdays(void **state)
{
	assert_int_equal(date_weekday(D(1970, 1, 1)), 3); /* Thursday */
	assert_int_equal(date_weekday(D(1900, 1, 1)), 0); /* Monday */
	assert_int_equal(date_weekday(D(1945, 9, 2)), 6); /* Sunday */
	assert_int_equal(date_weekday(D(2000, 1, 1)), 5); /* Saturday */
	assert_int_equal(date_weekday(D(2024, 2, 10)), 5); /* Tết Giáp Thìn, Saturday */
	assert_int_equal(date_weekday(D(2024, 12, 31)), 1); /* Tuesday */
	assert_int_equal(date_weekday(D(2100, 12, 31)), 4); /* Friday */
	/* One day on is one weekday on, before 1970 as after. */
	for (int day = D(1900, 1, 1); day < D(2101, 1, 1); day++)
		assert_int_equal(date_weekday(day + 1), (date_weekday(day) + 1) % 7);
}

static void test_date_periods(void **state)
{
	int y, mo, d;
	Ky q1 = {2024, 'Q', 1}, q4 = {2100, 'Q', 4}, feb = {2024, 'M', 2}, feb00 = {1900, 'M', 2};
	assert_int_equal(date_ky_start(q1), D(2024, 1, 1));
	assert_int_equal(date_ky_end(q1), D(2024, 3, 31));
	assert_int_equal(date_ky_start(q4), D(2100, 10, 1));
	assert_int_equal(date_ky_end(q4), D(2100, 12, 31));
	assert_int_equal(date_ky_end(feb), D(2024, 2, 29));
	assert_int_equal(date_ky_end(feb00), D(1900, 2, 28));
	for (int q = 1; q <= 4; q++) {
		Ky k = {2023, 'Q', q};
		date_ymd(date_ky_end(k), &y, &mo, &d);
		assert_true(y == 2023 && mo == 3 * q && d == date_days_in_month(2023, mo));
		/* A quarter ends the day before the next one starts. */
		Ky next = q < 4 ? (Ky){2023, 'Q', q + 1} : (Ky){2024, 'Q', 1};
		assert_int_equal(date_ky_end(k) + 1, date_ky_start(next));
	}
}

static void test_date_day_numbers(void **state)
{
	assert_int_equal(date_day(1970, 1, 1), 0);
	assert_int_equal(date_weekday(0), 3); /* a Thursday */
	assert_int_equal(date_day(2000, 3, 1) - date_day(2000, 2, 28), 2);
	assert_int_equal(date_day(1900, 3, 1) - date_day(1900, 2, 28), 1);
	assert_int_equal(date_day(2024, 3, 1) - date_day(2024, 2, 28), 2);
	assert_int_equal(date_day(2023, 3, 1) - date_day(2023, 2, 28), 1);
	assert_int_equal(date_weekday(D(2024, 2, 29)), 3);
	assert_int_equal(date_weekday(D(2024, 6, 9)), 6);  /* Sunday */
	assert_int_equal(date_day(1969, 12, 29), -3);
	assert_int_equal(date_weekday(-3), 0); /* Monday 29/12/1969, before day 0 */
	assert_int_equal(date_day(1969, 12, 31), -1); /* the "no date" value: see date.h */
	assert_int_equal(date_day(2024, 2, 30), -1);
	assert_int_equal(date_day(2023, 2, 29), -1);
	assert_int_equal(date_day(2024, 13, 1), -1);
	assert_int_equal(date_day(2024, 4, 31), -1);
	assert_int_equal(date_day(2024, 1, 0), -1);
	/* Every day of 1900..2100 goes there and back. */
	int prev = -1000000;
	for (int y = 1900; y <= 2100; y++)
		for (int mo = 1; mo <= 12; mo++)
			for (int d = 1; d <= date_days_in_month(y, mo); d++) {
				int day = date_day(y, mo, d), yy, mm, dd;
				assert_int_equal(day, prev == -1000000 ? day : prev + 1);
				date_ymd(day, &yy, &mm, &dd);
				assert_int_equal(yy, y);
				assert_int_equal(mm, mo);
				assert_int_equal(dd, d);
				prev = day;
			}
}

static void test_date_parse(void **state)
{
	int day;
	const char *why;
	assert_int_equal(date_parse("29/02/2024", &day, &why), DATE_OK);
	assert_int_equal(day, D(2024, 2, 29));
	assert_int_equal(date_parse("2024-02-29", &day, &why), DATE_OK);
	assert_int_equal(day, D(2024, 2, 29));
	assert_int_equal(date_parse(" 5/3/2024 ", &day, &why), DATE_OK);
	assert_int_equal(day, D(2024, 3, 5));
	assert_int_equal(date_parse("29/02/2000", &day, &why), DATE_OK);
	assert_int_equal(date_parse("", &day, &why), DATE_EMPTY);
	assert_int_equal(date_parse("  ", &day, &why), DATE_EMPTY);
	assert_int_equal(date_parse("30/02/2024", &day, &why), DATE_NO_SUCH_DAY);
	assert_non_null(why);
	assert_int_equal(date_parse("29/02/2023", &day, &why), DATE_NO_SUCH_DAY);
	assert_string_equal(why, "February has 28 days that year (not a leap year)");
	assert_int_equal(date_parse("30/02/2024", &day, &why), DATE_NO_SUCH_DAY);
	assert_string_equal(why, "February has 29 days that year");
	assert_int_equal(date_parse("29/02/1900", &day, &why), DATE_NO_SUCH_DAY);
	assert_int_equal(date_parse("2024-02-30", &day, &why), DATE_NO_SUCH_DAY);
	assert_int_equal(date_parse("31/04/2024", &day, &why), DATE_NO_SUCH_DAY);
	assert_int_equal(date_parse("01/13/2024", &day, &why), DATE_NO_SUCH_DAY);
	assert_int_equal(date_parse("00/01/2024", &day, &why), DATE_NO_SUCH_DAY);
	/* Shapes that would need a guess. */
	assert_int_equal(date_parse("05/03/24", &day, &why), DATE_BAD_SHAPE);
	assert_int_equal(date_parse("2024/03/05", &day, &why), DATE_BAD_SHAPE);
	assert_int_equal(date_parse("05.03.2024", &day, &why), DATE_BAD_SHAPE);
	assert_int_equal(date_parse("05/03/2024 x", &day, &why), DATE_BAD_SHAPE);
	assert_int_equal(date_parse("45356", &day, &why), DATE_BAD_SHAPE);
	assert_int_equal(date_parse("2024-3", &day, &why), DATE_BAD_SHAPE);
	assert_int_equal(date_parse("123/03/2024", &day, &why), DATE_BAD_SHAPE);
}

/* Whatever the text, the parser either refuses it or returns a day whose
 * date reads back as the text's numbers (no silent wrapping of 31/04). */
static unsigned S_rand(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7fff;
}

static void test_date_parse_never_guesses(void **state)
{
	static const char abc[] = "0123456789/- ";
	unsigned seed = 12345;
	char s[32];
	int ok = 0;
	for (int n = 0; n < 200000; n++) {
		/* Date-shaped texts with any numbers, and noise. */
		switch (n % 3) {
		case 0:
			snprintf(s, sizeof s, "%u/%u/%u", S_rand(&seed) % 40, S_rand(&seed) % 15,
			         1890 + S_rand(&seed) % 200);
			break;
		case 1:
			snprintf(s, sizeof s, "%u-%02u-%02u", 1890 + S_rand(&seed) % 200,
			         S_rand(&seed) % 15, S_rand(&seed) % 40);
			break;
		default: {
			int len = 1 + (int)(S_rand(&seed) % 11);
			for (int i = 0; i < len; i++)
				s[i] = abc[S_rand(&seed) % (sizeof abc - 1)];
			s[len] = '\0';
		}
		}
		int day = -7, y, mo, d, a, b, c;
		if (date_parse(s, &day, NULL) != DATE_OK)
			continue;
		ok++;
		date_ymd(day, &y, &mo, &d);
		assert_true(y >= 1900 && d <= date_days_in_month(y, mo));
		if (sscanf(s, " %d/%d/%d", &a, &b, &c) == 3)
			assert_true(a == d && b == mo && c == y);
		else {
			assert_int_equal(sscanf(s, " %d-%d-%d", &a, &b, &c), 3);
			assert_true(a == y && b == mo && c == d);
		}
	}
	assert_true(ok > 20000); /* the property was exercised */
}

/* Spreadsheet serials: the days Excel and LibreOffice show for them, the
 * day that never was, both date systems, the ends of the range. */
static void test_date_excel_serials(void **state)
{
	static const struct {
		long serial;
		int date1904, y, mo, d;
	} known[] = {
	    {1, 0, 1900, 1, 1},     {59, 0, 1900, 2, 28},    {60, 0, 1900, 2, 29},
	    {61, 0, 1900, 3, 1},    {25569, 0, 1970, 1, 1},  {45597, 0, 2024, 11, 1},
	    {45658, 0, 2025, 1, 1}, {2958465, 0, 9999, 12, 31}, {0, 1, 1904, 1, 1},
	    {44135, 1, 2024, 11, 1}, {1, 1, 1904, 1, 2},    {2957003, 1, 9999, 12, 31},
	};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		int y = 0, mo = 0, d = 0;
		assert_int_equal(date_excel_serial(known[i].serial, known[i].date1904, &y, &mo, &d), 0);
		assert_int_equal(y, known[i].y);
		assert_int_equal(mo, known[i].mo);
		assert_int_equal(d, known[i].d);
	}
	int y, mo, d;
	assert_int_equal(date_excel_serial(0, 0, &y, &mo, &d), -1); /* "1900-01-00" */
	assert_int_equal(date_excel_serial(-1, 1, &y, &mo, &d), -1);
	assert_int_equal(date_excel_serial(2958466, 0, &y, &mo, &d), -1);
	assert_int_equal(date_excel_serial(2957004, 1, &y, &mo, &d), -1);
	/* the systems are 1462 days apart after February 1900, and serials
	 * count days one by one */
	for (long s = 0; s < 2957004; s += 97) {
		int y1, m1, d1, y2, m2, d2;
		assert_int_equal(date_excel_serial(s, 1, &y1, &m1, &d1), 0);
		assert_int_equal(date_excel_serial(s + 1462, 0, &y2, &m2, &d2), 0);
		assert_true(y1 == y2 && m1 == m2 && d1 == d2);
		assert_int_equal(date_day(y1, m1, d1), date_day(1904, 1, 1) + (int)s);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_date_leap_years),
	    cmocka_unit_test(test_date_month_ends),
	    cmocka_unit_test(test_date_weekdays),
	    cmocka_unit_test(test_date_periods),
	    cmocka_unit_test(test_date_day_numbers),
	    cmocka_unit_test(test_date_parse),
	    cmocka_unit_test(test_date_parse_never_guesses),
	    cmocka_unit_test(test_date_excel_serials),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
