/* qlang: the one query language of juan's lists — the browser's `/` and
 * `f`, `juan list QUERY`, `juan export QUERY`, `juan search QUERY` and
 * `juan tag --query` — and the sort orders of a list.  A pure module: a
 * string goes in, a parsed query (or an error that points at the problem)
 * comes out; no store, no SQL.  The store compiles a parsed query to SQL
 * (store_query_ids(), list_query.query in store.h), binding every value.
 *
 * The grammar (README and juan(1) say the same):
 *   query  = part { WS part }            parts are ANDed
 *   part   = term { WS "OR" WS term }    terms of a part are ORed
 *   term   = [ "-" ] ( field ":" value | value )     "-" excludes
 *   value  = word | '"' phrase '"'       a phrase may hold spaces
 * WS is ASCII white space or U+3000.  A field is one of the names below,
 * in ASCII; a full-width colon (：) is text, so `问：` is a word.  A word
 * without a field searches the full text (title and body) through the
 * index; a word or phrase holding characters the index drops (punctuation,
 * spaces) is also matched exactly, byte for byte.
 *   theme:NAME|KEY|none   main theme (in the query's scheme)
 *   state:untagged|tagged|unsure|none|todo   todo: what needs work — no
 *                        main theme and no state, or unsure
 *   issuer: docno: topic: note: coder:    the text contains the value
 *   type:意见            the genre that ends the title
 *   year:2014            date:2014-01..2015-06, date:2014.., date:..2015-06,
 *                        date:2014-03-05 (YYYY, YYYY-MM or YYYY-MM-DD)
 *   scheme:NAME          the scheme theme: and state: refer to (once, not
 *                        excluded, not in an OR)
 *   disagree:            (or disagree:any) the coders who coded the
 *                        document in the scheme gave it different
 *                        categories (this store's coding and the other
 *                        coders'); disagree:CODER (a name or name#PREFIX):
 *                        this store's category differs from CODER's.  A
 *                        category is the main theme or the state none;
 *                        unsure and untagged codings take no part
 *   parse:unsure|ok|CODE  the parse is unsure (juan parse --check), is
 *                        not, or is for this reason: no-title,
 *                        no-headings, toc-skipped, numbering,
 *                        docno-untaken, mojibake-repaired (the dashes may be
 *                        left out: notitle); the value is stored as the
 *                        code
 *   suggested:NAME|KEY   no main theme, and juan's top suggestion (its
 *                        saved model, suggest.h) is that theme; a bound
 *                        on its confidence may follow: suggested:环境>=0.9
 *   confidence:>=0.9     no main theme, and the top suggestion's
 *                        confidence is >= (also >, <=, <) a number 0..1
 */
#ifndef JUAN_QLANG_H
#define JUAN_QLANG_H

#include <stdbool.h>
#include <stddef.h>

#include "juan/status.h"

enum qlang_field {
	QLANG_TEXT,   /* free word or phrase: the full text */
	QLANG_THEME,
	QLANG_STATE,
	QLANG_ISSUER,
	QLANG_DOCNO,
	QLANG_TYPE,
	QLANG_TOPIC,
	QLANG_YEAR,
	QLANG_DATE,
	QLANG_NOTE,
	QLANG_CODER,
	QLANG_SCHEME,
	QLANG_DISAGREE,
	QLANG_PARSE,
	QLANG_SUGGESTED,
	QLANG_CONFIDENCE,
};

/* A bound on a suggestion's confidence (suggested:, confidence:). */
enum qlang_cmp {
	QLANG_CMP_NONE,
	QLANG_CMP_GE, /* >= */
	QLANG_CMP_GT, /* > */
	QLANG_CMP_LE, /* <= */
	QLANG_CMP_LT, /* < */
};

/* One term: a field and its value.  value is the unquoted value
 * (NUL-terminated, owned by the query).  For QLANG_YEAR and QLANG_DATE,
 * from and to are the bounds as written ("YYYY", "YYYY-MM" or
 * "YYYY-MM-DD"; "" for an open end): a date d matches when d >= from and
 * d's first strlen(to) characters <= to.  For QLANG_SUGGESTED value is
 * the theme, without the bound; cmp and bound hold the confidence bound of
 * QLANG_SUGGESTED (QLANG_CMP_NONE: none) and QLANG_CONFIDENCE.  [start,
 * end) is the term's byte span in the query text (with its "-" and
 * quotes). */
struct qlang_term {
	enum qlang_field field;
	bool negated;
	bool quoted;
	char *value;
	char from[11];
	char to[11];
	enum qlang_cmp cmp;
	double bound;
	size_t start;
	size_t end;
};

/* One part: its terms ORed (nterms >= 1), and its byte span [start, end)
 * in the query text — what the browser's Esc removes. */
struct qlang_part {
	struct qlang_term *terms;
	size_t nterms;
	size_t start;
	size_t end;
};

/* A parsed query: its parts ANDed (none: every document). */
struct qlang {
	struct qlang_part *parts;
	size_t nparts;
};

/* Where and why a query was refused: offset is the byte offset of the
 * offending part, column its 1-based column in characters; message says
 * "column N: what is wrong" naming the offending part. */
struct qlang_error {
	size_t offset;
	size_t column;
	char message[256];
};

/* Parses text (NULL or blank: the empty query, every document) into *out
 * (free with qlang_free()).  JUAN_EINVAL for a malformed query — an
 * unknown field (the message lists the fields), a field without a value,
 * an unbalanced quote, a state or year or date that is not one, a date
 * range that ends before it starts, a confidence that is not a number from
 * 0 to 1 after >=, >, <= or <, OR without a term on both sides, a
 * lone "-", a second or excluded scheme:, invalid UTF-8 — with *err filled
 * (err may be NULL) and *out empty; JUAN_ENOMEM.  Pure: no store. */
enum juan_status qlang_parse(const char *text, struct qlang *out,
			     struct qlang_error *err);

/* Frees what q holds and empties it.  NULL-safe. */
void qlang_free(struct qlang *q);

/* The field's name as written in a query ("theme"...; "" for QLANG_TEXT);
 * static. */
const char *qlang_field_name(enum qlang_field f);

/* Whether q has a free word or phrase that is not excluded (what `juan
 * search` needs: something to find and show). */
bool qlang_has_words(const struct qlang *q);

/* The scheme term of q (QLANG_SCHEME), or NULL; borrowed. */
const struct qlang_term *qlang_scheme(const struct qlang *q);

/* ---- sort orders ---------------------------------------------------- */

enum sort_key {
	SORT_DEFAULT, /* relevance when the query has words, else import order */
	SORT_ID,      /* import order */
	SORT_DATE,
	SORT_ISSUER,
	SORT_DOCNO,
	SORT_TITLE,
	SORT_THEME,   /* main theme name; untagged last */
	SORT_STATE,   /* tagged, unsure, none, untagged */
};

/* A list's order.  Ties go by id, in the same direction; empty values
 * (no date, no issuer...) come last either way. */
struct list_sort {
	enum sort_key key;
	bool desc;
};

/* Parses "KEY" or "KEY:asc" or "KEY:desc", KEY one of default, id, date,
 * issuer, docno, title, theme, state (also "import" for id, "relevance" for
 * default) into *out.  JUAN_EINVAL for anything else, with a message that
 * lists the keys in err[0..errsize) (err may be NULL). */
enum juan_status list_sort_parse(const char *text, struct list_sort *out,
				 char *err, size_t errsize);

/* "date", "date:desc"... as list_sort_parse() reads it, in
 * buf[0..size). Returns buf. */
const char *list_sort_format(const struct list_sort *sort, char *buf,
			     size_t size);

#endif
