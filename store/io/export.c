/* export: the documents of a scheme with all they hold — metadata, the
 * genre of their title, main and secondary themes, state, note, coder and
 * time — or the change log, as CSV, JSON Lines or Markdown. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/clock.h"
#include "juan/coders.h"
#include "juan/export.h"
#include "juan/file.h"
#include "juan/parse.h"
#include "juan/sanitize.h"
#include "juan/themes.h"
#include "db/coding_sql.h"
#include "db/store_private.h"

/* A column of an export: its name, and how JSON writes it. */
enum kind { TEXT, NUMBER, LIST };

struct column {
	const char *name;
	enum kind kind;
};

/* The document columns, in order; CSV's header line. */
enum {
	C_ID, C_PATH, C_TITLE, C_ISSUER, C_DOCNO, C_DATE, C_PUBLISHED, C_TOPIC,
	C_SOURCE, C_DOCTYPE, C_SCHEME, C_THEME, C_THEME_KEY, C_THEME_PARENT,
	C_SECONDARY, C_STATE, C_NOTE, C_CODER, C_TAGGED_AT, NDOC,
};

static const struct column doc_cols[NDOC] = {
	{"id", NUMBER}, {"path", TEXT}, {"title", TEXT}, {"issuer", TEXT},
	{"docno", TEXT}, {"date", TEXT}, {"published", TEXT}, {"topic", TEXT},
	{"source", TEXT}, {"doctype", TEXT}, {"scheme", TEXT}, {"theme", TEXT},
	{"theme_key", TEXT}, {"theme_parent", TEXT}, {"secondary", LIST},
	{"state", TEXT}, {"note", TEXT}, {"coder", TEXT}, {"tagged_at", TEXT},
};

/* The history columns. */
enum {
	H_CHANGE, H_AT, H_CODER, H_ID, H_TITLE, H_SCHEME, H_FIELD, H_OLD, H_NEW,
	H_OP, NHIST,
};

static const struct column hist_cols[NHIST] = {
	{"change", NUMBER}, {"at", TEXT}, {"coder", TEXT}, {"id", NUMBER},
	{"title", TEXT}, {"scheme", TEXT}, {"field", TEXT}, {"old", TEXT},
	{"new", TEXT}, {"op", TEXT},
};

/* The rows opts selects, in the columns of doc_cols but doctype (the
 * writer derives it from the title), secondary themes joined by U+001F,
 * and the theme's position last.  ?1: documents without tags too; ?2: only
 * this main theme (NULL: any); ?3: the scheme; ?4: every scheme; ?5: only
 * this document (NULL: any). */
#define DOC_ROWS \
	"SELECT d.id, d.path, d.title, d.issuer, d.docno, d.date, d.published," \
	" d.topic, d.source, '', sc.name, coalesce(t.name, '')," \
	" CASE WHEN t.retired THEN '' ELSE coalesce(t.key, '') END," \
	" coalesce(p.name, '')," \
	" coalesce((SELECT group_concat(name, char(31)) FROM (SELECT t2.name" \
	"  FROM doc_secondary ds JOIN themes t2 ON t2.id = ds.theme_id" \
	"  WHERE ds.doc_id = d.id AND ds.scheme_id = sc.id" \
	"  ORDER BY t2.position)), '')," \
	" coalesce(dt.state, '')," \
	" coalesce((SELECT text FROM notes n WHERE n.doc_id = d.id), '')," \
	" coalesce(dt.coder, (SELECT max(coder) FROM doc_secondary ds" \
	"  WHERE ds.doc_id = d.id AND ds.scheme_id = sc.id), '')," \
	" coalesce(dt.tagged_at, (SELECT max(tagged_at) FROM doc_secondary ds" \
	"  WHERE ds.doc_id = d.id AND ds.scheme_id = sc.id), '')," \
	" t.position" \
	" FROM schemes sc JOIN documents d" \
	" LEFT JOIN doc_tags dt ON dt.doc_id = d.id AND dt.scheme_id = sc.id" \
	" LEFT JOIN themes t ON t.id = dt.theme_id" \
	" LEFT JOIN themes p ON p.id = t.parent_id" \
	" WHERE NOT sc.removed AND (?4 OR sc.id = ?3)" \
	" AND (?1 OR dt.doc_id IS NOT NULL OR EXISTS (SELECT 1" \
	"  FROM doc_secondary ds WHERE ds.doc_id = d.id" \
	"  AND ds.scheme_id = sc.id))" \
	" AND (?2 IS NULL OR dt.theme_id = ?2)" \
	" AND (?5 IS NULL OR d.id = ?5)"

static const char sql_docs[] = DOC_ROWS " ORDER BY sc.name, d.id";

/* Markdown: grouped by scheme and main theme in the set's order, those
 * without a main theme last. */
static const char sql_docs_by_theme[] = DOC_ROWS
	" ORDER BY sc.name, t.position IS NULL, t.position, d.id";

static const char sql_history[] =
	"SELECT h.change, h.at, h.coder, coalesce(h.doc_id, ''),"
	" coalesce(d.title, ''), h.scheme, h.field, h.old, h.new, h.op"
	" FROM history h LEFT JOIN documents d ON d.id = h.doc_id"
	" WHERE (?4 OR h.scheme = (SELECT name FROM schemes WHERE id = ?3)"
	"  OR h.scheme = '') ORDER BY h.id";

enum juan_status
export_format_parse(const char *name, enum export_format *fmt)
{
	static const struct {
		const char *name;
		enum export_format fmt;
	} formats[] = {
		{ "csv", EXPORT_CSV },
		{ "jsonl", EXPORT_JSONL },
		{ "md", EXPORT_MD },
	};
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		if (strcmp(name, formats[i].name) == 0) {
			*fmt = formats[i].fmt;
			return JUAN_OK;
		}
	}
	return JUAN_EINVAL;
}

/* Every coder's coding beside a document's (opts->coders), written by the
 * CSV and JSON writers below. */
struct others;
static void others_csv_head(FILE *out, const struct others *o);
static void others_csv(FILE *out, const struct others *o);
static void others_json(FILE *out, const struct others *o);

/* One row being written: its values, borrowed. */
struct row {
	const struct column *cols;
	int n;
	const char *v[NDOC]; /* NDOC > NHIST */
};

/* ---- CSV ------------------------------------------------------------ */

/* Whether a spreadsheet could read v[0..len) as a formula: it starts
 * with = + - @, a tab or a carriage return, or with the full-width
 * ＝ ＋ － ＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20), which spreadsheets set to
 * Chinese input fold to their ASCII forms. */
static bool
csv_formula_like(const char *v, size_t len)
{
	static const char *const wide[] = {
		"\xef\xbc\x9d", "\xef\xbc\x8b", "\xef\xbc\x8d", "\xef\xbc\xa0",
	};
	size_t i;

	if (len == 0 || !v[0])
		return false;
	if (strchr("=+-@\t\r", v[0]))
		return true;
	for (i = 0; len >= 3 && i < sizeof(wide) / sizeof(wide[0]); i++)
		if (memcmp(v, wide[i], 3) == 0)
			return true;
	return false;
}

/* One CSV field: a text that a spreadsheet would read as a formula gets a
 * leading apostrophe; a field with a comma, quote or line break is quoted,
 * its quotes doubled.  A list's items are joined by "；". */
static void
csv_field(FILE *out, const char *v, enum kind kind)
{
	bool guard = csv_formula_like(v, strlen(v));
	bool quote = strpbrk(v, ",\"\r\n") != NULL;
	const char *p;

	if (quote)
		fputc('"', out);
	if (guard)
		fputc('\'', out);
	for (p = v; *p; p++) {
		if (*p == '"')
			fputc('"', out);
		if (kind == LIST && *p == 0x1f)
			fputs("；", out);
		else
			fputc(*p, out);
	}
	if (quote)
		fputc('"', out);
}

static void
csv_line(FILE *out, const struct row *r, bool header,
	 const struct others *o)
{
	int i;

	for (i = 0; i < r->n; i++) {
		if (i > 0)
			fputc(',', out);
		if (header)
			fputs(r->cols[i].name, out);
		else
			csv_field(out, r->v[i], r->cols[i].kind);
	}
	if (o && header)
		others_csv_head(out, o);
	else if (o)
		others_csv(out, o);
	fputs("\r\n", out);
}

/* ---- JSON Lines ------------------------------------------------------ */

void
export_json_string(FILE *out, const char *s, size_t len)
{
	size_t i;

	fputc('"', out);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c == '\r')
			fputs("\\r", out);
		else if (c == '\t')
			fputs("\\t", out);
		else if (c < 0x20 || c == 0x7f)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static void
json_line(FILE *out, const struct row *r, const struct others *o)
{
	const char *p, *sep;
	int i;

	fputc('{', out);
	for (i = 0; i < r->n; i++) {
		if (i > 0)
			fputc(',', out);
		export_json_string(out, r->cols[i].name, strlen(r->cols[i].name));
		fputc(':', out);
		if (r->cols[i].kind == NUMBER && r->v[i][0]) {
			fputs(r->v[i], out);
		} else if (r->cols[i].kind == NUMBER) {
			fputs("null", out);
		} else if (r->cols[i].kind == LIST) {
			fputc('[', out);
			for (p = r->v[i]; *p; p = *sep ? sep + 1 : sep) {
				sep = strchr(p, 0x1f);
				if (!sep)
					sep = p + strlen(p);
				if (p != r->v[i])
					fputc(',', out);
				export_json_string(out, p, (size_t)(sep - p));
			}
			fputc(']', out);
		} else {
			export_json_string(out, r->v[i], strlen(r->v[i]));
		}
	}
	if (o)
		others_json(out, o);
	fputs("}\n", out);
}

/* ---- Markdown ------------------------------------------------------- */

/* The document columns of a Markdown table: the scheme and theme are in
 * the heading above it. */
static const int md_doc_cols[] = {
	C_ID, C_TITLE, C_ISSUER, C_DOCNO, C_DATE, C_DOCTYPE, C_SECONDARY,
	C_STATE, C_NOTE, C_CODER, C_TAGGED_AT, C_PATH,
};

#define MD_NDOC ((int)(sizeof(md_doc_cols) / sizeof(md_doc_cols[0])))

/* Text in a table cell: | and \ escaped, a line break as <br>, a list's
 * items joined by "；", the rest through the sanitiser with a TAB kept (a
 * Markdown file is read on terminals too: no control or bidi character
 * gets in). */
static void
md_text(FILE *out, const char *v)
{
	size_t run;

	while (*v) {
		run = strcspn(v, "|\\\r\n\x1f");
		sanitize_write(v, run, SANITIZE_TEXT, out);
		v += run;
		switch (*v) {
		case '\0':
			return;
		case '|':
			fputs("\\|", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\r':
			if (v[1] == '\n')
				v++;
			fputs("<br>", out);
			break;
		case '\n':
			fputs("<br>", out);
			break;
		default: /* 0x1f, between a list's items */
			fputs("；", out);
			break;
		}
		v++;
	}
}

static void
md_head(FILE *out, const int *cols, int n, const struct column *names)
{
	int i;

	for (i = 0; i < n; i++)
		fprintf(out, "| %s ", names[cols ? cols[i] : i].name);
	fputs("|\n", out);
	for (i = 0; i < n; i++)
		fputs("|---", out);
	fputs("|\n", out);
}

/* A heading and a table head when r starts a new scheme or theme. */
static void
md_group(FILE *out, const struct row *r, char **group, bool *first)
{
	char key[512];

	snprintf(key, sizeof(key), "%s\x1f%s", r->v[C_SCHEME], r->v[C_THEME]);
	if (*group && strcmp(*group, key) == 0)
		return;
	free(*group);
	*group = strdup(key);
	if (!*first)
		fputc('\n', out);
	*first = false;
	fputs("## ", out);
	md_text(out, r->v[C_SCHEME]);
	fputs(" · ", out);
	if (r->v[C_THEME][0]) {
		md_text(out, r->v[C_THEME]);
		if (r->v[C_THEME_KEY][0]) {
			fputs(" (", out);
			md_text(out, r->v[C_THEME_KEY]);
			fputc(')', out);
		}
	} else {
		fputs("(no main theme)", out);
	}
	fputs("\n\n", out);
	md_head(out, md_doc_cols, MD_NDOC, doc_cols);
}

static void
md_line(FILE *out, const struct row *r, const int *cols, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		fputs("| ", out);
		md_text(out, r->v[cols ? cols[i] : i]);
		fputc(' ', out);
	}
	fputs("|\n", out);
}

/* ---- every coder's coding ------------------------------------------- */

/* The other coders of the scheme (opts->coders), and the codings of the
 * document being written, one per coder (NULL: none). */
struct others {
	struct coder_list list;  /* this store's own coders left out */
	sqlite3_stmt *stmt;      /* the codings of one document */
	char **theme, **secondary, **state, **note; /* by coder */
};

static void
others_clear_row(struct others *o)
{
	size_t i;

	for (i = 0; i < o->list.n; i++) {
		free(o->theme[i]);
		free(o->secondary[i]);
		free(o->state[i]);
		free(o->note[i]);
		o->theme[i] = o->secondary[i] = o->state[i] = o->note[i] = NULL;
	}
}

static void
others_free(struct others *o)
{
	if (o->theme)
		others_clear_row(o);
	free(o->theme);
	free(o->secondary);
	free(o->state);
	free(o->note);
	coder_list_free(&o->list);
}

/* The other coders of scheme into o. */
static enum juan_status
others_open(struct store *s, int64_t scheme, struct others *o)
{
	static const char sql[] =
		"SELECT c.uid, c.coder, c.theme, c.secondary, c.state, c.note"
		" FROM documents d JOIN " CODING_OTHERS_OF_DOC("?1")
		" AND d.id = ?2";
	enum juan_status rc = coders_list(s, scheme, &o->list);
	size_t i, kept = 0, n;

	if (rc != JUAN_OK)
		return rc;
	for (i = 0; i < o->list.n; i++) {
		if (o->list.v[i].is_self) {
			free(o->list.v[i].name);
			free(o->list.v[i].display);
			continue;
		}
		o->list.v[kept++] = o->list.v[i];
	}
	o->list.n = kept;
	n = kept ? kept : 1;
	o->theme = calloc(n, sizeof(char *));
	o->secondary = calloc(n, sizeof(char *));
	o->state = calloc(n, sizeof(char *));
	o->note = calloc(n, sizeof(char *));
	if (!o->theme || !o->secondary || !o->state || !o->note)
		return JUAN_ENOMEM;
	if (!(o->stmt = store_stmt(s, sql)))
		return JUAN_EDB;
	sqlite3_bind_int64(o->stmt, 1, scheme);
	return JUAN_OK;
}

/* Reads the other coders' codings of document doc into o. */
static enum juan_status
others_read(struct store *s, struct others *o, const char *doc)
{
	const char *uid, *coder;
	enum juan_status rc = JUAN_OK;
	size_t i;
	int step;

	others_clear_row(o);
	sqlite3_reset(o->stmt);
	sqlite3_bind_int64(o->stmt, 2, strtoll(doc, NULL, 10));
	while ((step = sqlite3_step(o->stmt)) == SQLITE_ROW) {
		uid = (const char *)sqlite3_column_text(o->stmt, 0);
		coder = (const char *)sqlite3_column_text(o->stmt, 1);
		for (i = 0; uid && coder && i < o->list.n; i++)
			if (strcmp(o->list.v[i].uid, uid) == 0 &&
			    strcmp(o->list.v[i].name, coder) == 0)
				break;
		if (!uid || !coder || i == o->list.n || o->theme[i])
			continue;
		o->theme[i] = store_column_dup(o->stmt, 2);
		o->secondary[i] = store_column_dup(o->stmt, 3);
		o->state[i] = store_column_dup(o->stmt, 4);
		o->note[i] = store_column_dup(o->stmt, 5);
		if (!o->theme[i] || !o->secondary[i] || !o->state[i] ||
		    !o->note[i])
			rc = JUAN_ENOMEM;
	}
	if (rc == JUAN_OK && step != SQLITE_DONE)
		rc = store_fail(s, "export: read codings");
	sqlite3_reset(o->stmt);
	return rc;
}

/* CSV: one column per other coder, "coder:LABEL", after the document's. */
static void
others_csv_head(FILE *out, const struct others *o)
{
	char name[300];
	size_t i;

	for (i = 0; i < o->list.n; i++) {
		snprintf(name, sizeof(name), "coder:%s", o->list.v[i].display);
		fputc(',', out);
		csv_field(out, name, TEXT);
	}
}

/* A coder's cell: the main theme, " [unsure]" after it, or "[none]" or
 * "[unsure]" alone; "" when the coder did not code the document. */
static void
others_csv(FILE *out, const struct others *o)
{
	char cell[600];
	size_t i;

	for (i = 0; i < o->list.n; i++) {
		const char *t = o->theme[i] ? o->theme[i] : "";
		const char *st = o->state[i] ? o->state[i] : "";

		snprintf(cell, sizeof(cell), "%s%s%s%s%s", t,
			 t[0] && st[0] ? " " : "", st[0] ? "[" : "", st,
			 st[0] ? "]" : "");
		fputc(',', out);
		csv_field(out, cell, TEXT);
	}
}

/* JSON: "coders":{LABEL:{"uid","theme","secondary":[…],"state","note"}}
 * for the coders who coded the document (secondary themes come
 * tab-separated from the changeset). */
static void
others_json(FILE *out, const struct others *o)
{
	const char *p, *tab;
	bool first = true;
	size_t i;

	fputs(",\"coders\":{", out);
	for (i = 0; i < o->list.n; i++) {
		if (!o->theme[i])
			continue;
		if (!first)
			fputc(',', out);
		first = false;
		export_json_string(out, o->list.v[i].display,
				   strlen(o->list.v[i].display));
		fputs(":{\"uid\":", out);
		export_json_string(out, o->list.v[i].uid,
				   strlen(o->list.v[i].uid));
		fputs(",\"theme\":", out);
		export_json_string(out, o->theme[i], strlen(o->theme[i]));
		fputs(",\"secondary\":[", out);
		for (p = o->secondary[i]; *p; p = *tab ? tab + 1 : tab) {
			tab = strchr(p, '\t');
			if (!tab)
				tab = p + strlen(p);
			if (p != o->secondary[i])
				fputc(',', out);
			export_json_string(out, p, (size_t)(tab - p));
		}
		fputs("],\"state\":", out);
		export_json_string(out, o->state[i], strlen(o->state[i]));
		fputs(",\"note\":", out);
		export_json_string(out, o->note[i], strlen(o->note[i]));
		fputc('}', out);
	}
	fputc('}', out);
}

/* ---- the writer ----------------------------------------------------- */

/* The row at stmt's current step, with tagged_at (or at) in local ISO
 * 8601 in buf and the doctype derived from the title. */
static void
read_row(sqlite3_stmt *stmt, struct row *r, bool history, char *buf,
	 size_t size)
{
	int i, at = history ? H_AT : C_TAGGED_AT;

	for (i = 0; i < r->n; i++) {
		r->v[i] = (const char *)sqlite3_column_text(stmt, i);
		if (!r->v[i])
			r->v[i] = "";
	}
	clock_iso_local(r->v[at], buf, size);
	r->v[at] = buf;
	if (!history)
		r->v[C_DOCTYPE] = doc_title_genre(r->v[C_TITLE]);
}

/* Binds what opts selects to stmt; JUAN_ENOTFOUND for an unknown scheme
 * or theme. */
static enum juan_status
bind_opts(struct store *s, const struct export_opts *opts,
	  sqlite3_stmt *stmt, int64_t *scheme_out)
{
	enum juan_status rc = JUAN_OK;
	int64_t scheme = 0, theme = 0;
	bool all = opts->all || opts->query || opts->sort.key;

	if (opts->scheme)
		rc = store_scheme_id(s, opts->scheme, &scheme);
	else if (!opts->all_schemes)
		rc = store_scheme_active(s, &scheme);
	if (rc == JUAN_OK && opts->theme)
		rc = store_theme_find(s, scheme, opts->theme, &theme);
	if (rc != JUAN_OK)
		return rc;
	sqlite3_bind_int(stmt, 1, all);
	if (opts->theme)
		sqlite3_bind_int64(stmt, 2, theme);
	sqlite3_bind_int64(stmt, 3, scheme);
	sqlite3_bind_int(stmt, 4, opts->all_schemes);
	*scheme_out = scheme;
	return JUAN_OK;
}

/* The documents opts->query lists in scheme, in its order (Markdown,
 * unsorted: by theme, so that each theme is one table), in *ids (caller
 * frees). */
static enum juan_status
query_ids(struct store *s, const struct export_opts *opts, int64_t scheme,
	  int64_t **ids, size_t *n)
{
	struct list_query q = {0};

	q.theme = opts->theme;
	q.scheme = scheme;
	q.query = opts->query;
	q.sort = opts->sort;
	if (opts->format == EXPORT_MD && q.sort.key == SORT_DEFAULT)
		q.sort.key = SORT_THEME;
	return store_list_ids(s, &q, ids, n);
}

enum juan_status
export_write(struct store *s, const struct export_opts *opts, FILE *out,
	     long *count)
{
	struct row r = {opts->history ? hist_cols : doc_cols,
			opts->history ? NHIST : NDOC, {0}};
	struct others others = {0}, *o = NULL;
	sqlite3_stmt *stmt;
	enum juan_status rc;
	char *group = NULL, when[40];
	bool first = true, listed = false;
	int64_t scheme = 0, *ids = NULL;
	size_t nids = 0, next = 0;
	long rows = 0;
	int step = SQLITE_DONE;

	if (count)
		*count = 0;
	if (opts->history)
		stmt = store_stmt(s, sql_history);
	else if (opts->format == EXPORT_MD)
		stmt = store_stmt(s, sql_docs_by_theme);
	else
		stmt = store_stmt(s, sql_docs);
	if (!stmt)
		return JUAN_EDB;
	rc = bind_opts(s, opts, stmt, &scheme);
	if (rc == JUAN_OK && (opts->query || opts->sort.key)) {
		listed = true;
		rc = query_ids(s, opts, scheme, &ids, &nids);
	}
	if (rc == JUAN_OK && opts->coders &&
	    (opts->history || opts->all_schemes ||
	     opts->format == EXPORT_MD)) {
		store_set_error(s, "export: every coder's coding goes into CSV "
				"or JSON Lines of one scheme's documents");
		rc = JUAN_EINVAL;
	}
	if (rc == JUAN_OK && opts->coders) {
		o = &others;
		rc = others_open(s, scheme, o);
		/* others_open's statement is not the rows' one */
		if (rc == JUAN_OK)
			rc = bind_opts(s, opts, stmt, &scheme);
	}
	if (rc != JUAN_OK)
		goto done;
	if (opts->format == EXPORT_CSV) {
		if (opts->bom)
			fputs("\xEF\xBB\xBF", out);
		csv_line(out, &r, true, o);
	} else if (opts->format == EXPORT_MD && opts->history) {
		md_head(out, NULL, NHIST, hist_cols);
	}
	for (;;) {
		if (listed) {
			if (next == nids)
				break;
			sqlite3_reset(stmt);
			sqlite3_bind_int64(stmt, 5, ids[next++]);
		}
		step = sqlite3_step(stmt);
		if (step == SQLITE_DONE && listed)
			continue;
		if (step != SQLITE_ROW)
			break;
		read_row(stmt, &r, opts->history, when, sizeof(when));
		if (o && (rc = others_read(s, o, r.v[C_ID])) != JUAN_OK)
			goto done;
		if (opts->format == EXPORT_CSV)
			csv_line(out, &r, false, o);
		else if (opts->format == EXPORT_JSONL)
			json_line(out, &r, o);
		else if (opts->history)
			md_line(out, &r, NULL, NHIST);
		else {
			md_group(out, &r, &group, &first);
			md_line(out, &r, md_doc_cols, MD_NDOC);
		}
		rows++;
		if (ferror(out)) {
			rc = JUAN_EIO;
			goto done;
		}
	}
	if (step != SQLITE_DONE && step != SQLITE_ROW) {
		rc = store_fail(s, "export");
		goto done;
	}
	if (fflush(out) != 0 || ferror(out))
		rc = JUAN_EIO;
done:
	sqlite3_reset(stmt);
	others_free(&others);
	free(group);
	free(ids);
	if (rc == JUAN_EIO)
		store_set_error(s, "export: cannot write: %s", strerror(errno));
	if (count)
		*count = rows;
	return rc;
}

struct export_job {
	struct store *s;
	const struct export_opts *opts;
	long *count;
};

static enum juan_status
fill_export(FILE *out, void *ctx)
{
	struct export_job *job = ctx;

	return export_write(job->s, job->opts, out, job->count);
}

enum juan_status
export_to_path(struct store *s, const struct export_opts *opts,
	       const char *path, long *count)
{
	struct export_job job = { s, opts, count };
	struct file_guard guard = { .n = 0 };
	enum juan_status rc;
	char err[sizeof(((struct store *)0)->err)];
	int saved;

	if (count)
		*count = 0;
	store_guard(s, &guard);
	rc = file_write(path, &guard, fill_export, &job, err, sizeof(err));
	saved = errno;
	if (err[0])
		store_set_error(s, "%s", err);
	if (rc != JUAN_OK && count)
		*count = 0;
	errno = saved;
	return rc;
}
