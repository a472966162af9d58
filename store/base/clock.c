/* clock: store times (UTC) to local ISO 8601 and back. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "juan/clock.h"

bool
clock_iso_local(const char *utc, char *buf, size_t size)
{
	struct tm tm = {0};
	time_t t;
	char *end = strptime(utc, "%Y-%m-%d %H:%M:%S", &tm);

	snprintf(buf, size, "%s", utc);
	if (!*utc)
		return true;
	if (!end || *end)
		return false;
	t = timegm(&tm);
	if (!localtime_r(&t, &tm) || size < 26 ||
	    strftime(buf, size, "%Y-%m-%dT%H:%M:%S%z", &tm) != 24) {
		snprintf(buf, size, "%s", utc);
		return false;
	}
	/* +0800 → +08:00, as ISO 8601 writes it */
	memmove(buf + 23, buf + 22, 3);
	buf[22] = ':';
	return true;
}

bool
clock_parse_local(const char *text, char *buf, size_t size)
{
	struct tm tm = {0};
	const char *end;
	time_t t;

	end = strptime(text, "%Y-%m-%d", &tm);
	if (end && *end == 'T')
		end = strptime(end + 1, "%H:%M", &tm);
	if (end && *end == ':')
		end = strptime(end + 1, "%S", &tm);
	if (!end || *end)
		return false;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t == (time_t)-1 || !gmtime_r(&t, &tm))
		return false;
	return strftime(buf, size, "%Y-%m-%d %H:%M:%S", &tm) > 0;
}
