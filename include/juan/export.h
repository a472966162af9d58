/* export: the tagged list → CSV, JSON Lines or Markdown.
 *
 * Fields, in order: id, title, issuer, docno, date, theme, theme_key,
 * tagged_at, path.  CSV follows RFC 4180 (CRLF, quotes doubled) in UTF-8, with
 * an optional BOM for Excel, and guards cells that start with = + - @ (or
 * their full-width forms ＝ ＋ － ＠) against formula injection by a leading
 * apostrophe.  JSON Lines are built by SQLite's JSON functions, one object
 * a line; an untagged document has null theme, theme_key and tagged_at
 * there ("" in CSV and Markdown).  Markdown is one
 * table per theme, in the theme set's order, untagged documents last. */
#ifndef JUAN_EXPORT_H
#define JUAN_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "juan/status.h"

struct store;

enum export_format {
	EXPORT_CSV,
	EXPORT_JSONL,
	EXPORT_MD,
};

struct export_opts {
	enum export_format format;
	const char *theme; /* only this theme (name or key); NULL: every theme */
	bool all;          /* untagged documents too */
	bool bom;          /* CSV: start with a UTF-8 BOM */
};

/* Parses "csv", "jsonl" or "md" into *fmt; JUAN_EINVAL for anything else. */
enum juan_status export_format_parse(const char *name, enum export_format *fmt);

/* Writes the documents opts selects to out; stores their number in *count
 * (may be NULL).  JUAN_ENOTFOUND for an unknown theme; JUAN_EIO on a write
 * error. */
enum juan_status export_write(struct store *s, const struct export_opts *opts,
			      FILE *out, long *count);

/* As export_write, into path through file_write() (file.h): a regular
 * file is replaced atomically, a FIFO or a device written into, a
 * directory refused; a path that is the store or one of its files
 * (store_guard()) is refused with JUAN_EGUARDED, nothing written.  On
 * failure store_error() says why, naming path, and *count is 0. */
enum juan_status export_to_path(struct store *s, const struct export_opts *opts,
				const char *path, long *count);

#endif
