/* export: the documents with everything the store holds about them in a
 * scheme, or the change log, as CSV, JSON Lines or Markdown.
 *
 * Document fields, in order: id, path, title, issuer, docno, date,
 * published, topic (the publisher's 主题分类), source, doctype (the genre
 * word that ends the title: 通知, 意见…), scheme, theme (the main theme),
 * theme_key ("" for a retired theme), theme_parent, secondary (the
 * secondary themes: "；"-joined in CSV and Markdown, an array in JSON),
 * state ("", none, unsure), note, coder, tagged_at (local ISO 8601 with the
 * UTC offset, "" when untagged).  History fields: change, at, coder, id,
 * title, scheme, field, old, new, op.  CSV follows RFC 4180 (CRLF, quotes
 * doubled) in UTF-8, with an optional BOM for Excel, and guards cells that
 * start with = + - @ (or their full-width forms ＝ ＋ － ＠) against formula
 * injection by a leading apostrophe.
 * JSON Lines: one object a line, every field present (strings; id a
 * number).  Markdown: one table per scheme and main theme, in the scheme's
 * order, documents without a main theme last. */
#ifndef JUAN_EXPORT_H
#define JUAN_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "juan/qlang.h"
#include "juan/status.h"

struct store;

enum export_format {
	EXPORT_CSV,
	EXPORT_JSONL,
	EXPORT_MD,
};

struct export_opts {
	enum export_format format;
	const char *theme;  /* only this main theme (name or key); NULL: any */
	bool all;           /* documents without tags in the scheme too */
	bool bom;           /* CSV: start with a UTF-8 BOM */
	const char *scheme; /* this scheme (NULL: the active one) */
	bool all_schemes;   /* every scheme: a row per document and scheme */
	bool history;       /* the change log instead of the documents */
	/* a query (qlang.h): exactly the documents it lists, tagged or not,
	 * ANDed with theme; not with all_schemes or history */
	const char *query;
	struct list_sort sort; /* zero: id order (Markdown: by theme) */
	/* every other coder's coding too (CSV, JSON Lines; one scheme, not
	 * history): CSV a column "coder:LABEL" per other coder of the scheme
	 * (coders.h's display) holding the main theme, " [unsure]" after it,
	 * or "[none]" or "[unsure]" alone, "" when the coder did not code the
	 * document; JSON a field "coders": {LABEL: {"uid", "theme",
	 * "secondary": […], "state", "note"}} for those who coded it.  The
	 * document's own fields stay this store's (the settled) coding. */
	bool coders;
};

/* Writes s[0..len) to out as a JSON string, control characters escaped
 * (what every JSON Lines output of juan uses). */
void export_json_string(FILE *out, const char *s, size_t len);

/* Parses "csv", "jsonl" or "md" into *fmt; JUAN_EINVAL for anything else. */
enum juan_status export_format_parse(const char *name, enum export_format *fmt);

/* Writes the documents (or history rows) opts selects to out; stores their
 * number in *count (may be NULL).  JUAN_ENOTFOUND for an unknown scheme or
 * theme (store_error() lists the valid ones); JUAN_EINVAL for a malformed
 * query (store_error() points at the problem); JUAN_EIO on a write
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
