/* clock: the store's times (UTC, "YYYY-MM-DD HH:MM:SS", as SQLite's
 * datetime('now') writes them) to and from what people read and type:
 * ISO 8601 in local time with the UTC offset. */
#ifndef JUAN_CLOCK_H
#define JUAN_CLOCK_H

#include <stdbool.h>
#include <stddef.h>

/* The UTC time utc as local ISO 8601 with its offset
 * ("2026-03-01T16:04:05+08:00") into buf[0..size).  "" stays "".  Returns
 * false, with utc copied as it is, when utc is not a store time. */
bool clock_iso_local(const char *utc, char *buf, size_t size);

/* A local date or time a user typed — YYYY-MM-DD (midnight),
 * YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS — as a store time (UTC) into
 * buf[0..size).  False when text is none of these. */
bool clock_parse_local(const char *text, char *buf, size_t size);

#endif
