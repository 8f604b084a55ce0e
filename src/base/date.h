/* date.h — calendar dates as days since 1970-01-01 (proleptic Gregorian).
 * Dates in content are days, never times: no time zone enters the output. */
#ifndef HC_DATE_H
#define HC_DATE_H

#define HC_NO_DATE (-2147483647 - 1)

/* Strict YYYY-MM-DD of a real calendar day; 0 ok, -1 otherwise. */
int hc_date_parse(const char *s, int *days);
int hc_date_from_ymd(int y, int m, int d);
void hc_date_ymd(int days, int *y, int *m, int *d);
void hc_date_format(int days, char out[11]);   /* "YYYY-MM-DD" */

#endif
