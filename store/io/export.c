/* export: the tagged list → CSV, JSON Lines or Markdown. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/export.h"
#include "juan/file.h"
#include "juan/sanitize.h"
#include "db/store_private.h"

/* The rows opts selects.  ?1: untagged documents too; ?2: only this theme
 * id (NULL: every theme). */
#define EXPORT_FROM \
	" FROM documents d" \
	" LEFT JOIN doc_themes dt ON dt.doc_id = d.id" \
	" LEFT JOIN themes t ON t.id = dt.theme_id" \
	" WHERE (?1 OR dt.doc_id IS NOT NULL)" \
	" AND (?2 IS NULL OR dt.theme_id = ?2)"

/* The fields in their order; CSV's header line. */
enum {
	COL_ID,
	COL_TITLE,
	COL_ISSUER,
	COL_DOCNO,
	COL_DATE,
	COL_THEME,
	COL_THEME_KEY,
	COL_TAGGED_AT,
	COL_PATH,
	NCOLS,
};

static const char *const col_names[NCOLS] = {
	"id", "title", "issuer", "docno", "date", "theme", "theme_key",
	"tagged_at", "path",
};

#define EXPORT_COLUMNS \
	"SELECT d.id, d.title, d.issuer, d.docno, d.date," \
	" coalesce(t.name, ''), coalesce(t.key, ''), coalesce(dt.tagged_at, '')," \
	" d.path"

static const char sql_rows[] = EXPORT_COLUMNS EXPORT_FROM " ORDER BY d.id";

/* Markdown: grouped by theme in the set's order, untagged last. */
static const char sql_rows_by_theme[] =
	EXPORT_COLUMNS EXPORT_FROM
	" ORDER BY t.position IS NULL, t.position, d.id";

/* Untagged documents have null theme, theme_key and tagged_at. */
static const char sql_json[] =
	"SELECT json_object('id', d.id, 'title', d.title, 'issuer', d.issuer,"
	" 'docno', d.docno, 'date', d.date, 'theme', t.name,"
	" 'theme_key', t.key, 'tagged_at', dt.tagged_at, 'path', d.path)"
	EXPORT_FROM " ORDER BY d.id";

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
 * its quotes doubled. */
static void
csv_field(FILE *out, const char *v, size_t len)
{
	bool guard = csv_formula_like(v, len);
	bool quote = false;
	size_t i;

	for (i = 0; i < len && !quote; i++)
		quote = v[i] == ',' || v[i] == '"' || v[i] == '\r' ||
			v[i] == '\n';
	if (quote)
		fputc('"', out);
	if (guard)
		fputc('\'', out);
	for (i = 0; i < len; i++) {
		if (v[i] == '"')
			fputc('"', out);
		fputc(v[i], out);
	}
	if (quote)
		fputc('"', out);
}

static void
csv_row(FILE *out, sqlite3_stmt *stmt)
{
	int i;

	for (i = 0; i < NCOLS; i++) {
		if (i > 0)
			fputc(',', out);
		csv_field(out, (const char *)sqlite3_column_text(stmt, i),
			  (size_t)sqlite3_column_bytes(stmt, i));
	}
	fputs("\r\n", out);
}

static void
csv_header(FILE *out, bool bom)
{
	int i;

	if (bom)
		fputs("\xEF\xBB\xBF", out);
	for (i = 0; i < NCOLS; i++) {
		if (i > 0)
			fputc(',', out);
		fputs(col_names[i], out);
	}
	fputs("\r\n", out);
}

/* ---- Markdown ------------------------------------------------------- */

/* The columns of a Markdown table: the theme is in the heading above it. */
static const int md_cols[] = {
	COL_ID, COL_TITLE, COL_ISSUER, COL_DOCNO, COL_DATE, COL_TAGGED_AT,
	COL_PATH,
};

#define MD_NCOLS ((int)(sizeof(md_cols) / sizeof(md_cols[0])))

/* Text in a table cell: | and \ escaped, a line break as <br>, the rest
 * through the sanitiser, a TAB kept (a Markdown file is read on terminals
 * too: no control or bidi character gets in). */
static void
md_text(FILE *out, const char *v, size_t len)
{
	size_t i = 0, run;

	while (i < len) {
		for (run = i; run < len && !memchr("|\\\r\n", v[run], 4); run++)
			;
		sanitize_write(v + i, run - i, SANITIZE_TEXT, out);
		if (run == len)
			break;
		i = run;
		switch (v[i]) {
		case '|':
			fputs("\\|", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\r':
			if (i + 1 < len && v[i + 1] == '\n')
				i++;
			fputs("<br>", out);
			break;
		default:
			fputs("<br>", out);
		}
		i++;
	}
}

static void
md_table_start(FILE *out, sqlite3_stmt *stmt, bool first)
{
	const char *theme = (const char *)sqlite3_column_text(stmt, COL_THEME);
	int i;

	if (!first)
		fputc('\n', out);
	if (*theme) {
		fputs("## ", out);
		md_text(out, theme, (size_t)sqlite3_column_bytes(stmt, COL_THEME));
		fputs(" (", out);
		md_text(out, (const char *)sqlite3_column_text(stmt, COL_THEME_KEY),
			(size_t)sqlite3_column_bytes(stmt, COL_THEME_KEY));
		fputs(")\n\n", out);
	} else {
		fputs("## (untagged)\n\n", out);
	}
	for (i = 0; i < MD_NCOLS; i++)
		fprintf(out, "| %s ", col_names[md_cols[i]]);
	fputs("|\n", out);
	for (i = 0; i < MD_NCOLS; i++)
		fputs("|---", out);
	fputs("|\n", out);
}

static void
md_row(FILE *out, sqlite3_stmt *stmt)
{
	int i, col;

	for (i = 0; i < MD_NCOLS; i++) {
		col = md_cols[i];
		fputs("| ", out);
		md_text(out, (const char *)sqlite3_column_text(stmt, col),
			(size_t)sqlite3_column_bytes(stmt, col));
		fputc(' ', out);
	}
	fputs("|\n", out);
}

/* ---- the writer ----------------------------------------------------- */

enum juan_status
export_write(struct store *s, const struct export_opts *opts, FILE *out,
	     long *count)
{
	sqlite3_stmt *stmt = NULL;
	enum juan_status rc = JUAN_OK;
	const char *sql;
	char *group = NULL;
	const char *theme;
	int64_t theme_id = 0;
	long rows = 0;
	int step;

	if (count)
		*count = 0;
	if (opts->theme) {
		rc = store_theme_id(s, opts->theme, &theme_id);
		if (rc != JUAN_OK)
			return rc;
	}
	if (opts->format == EXPORT_JSONL)
		sql = sql_json;
	else if (opts->format == EXPORT_MD)
		sql = sql_rows_by_theme;
	else
		sql = sql_rows;
	stmt = store_stmt(s, sql);
	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int(stmt, 1, opts->all);
	if (opts->theme)
		sqlite3_bind_int64(stmt, 2, theme_id);
	if (opts->format == EXPORT_CSV)
		csv_header(out, opts->bom);
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		switch (opts->format) {
		case EXPORT_CSV:
			csv_row(out, stmt);
			break;
		case EXPORT_JSONL:
			fwrite(sqlite3_column_text(stmt, 0), 1,
			       (size_t)sqlite3_column_bytes(stmt, 0), out);
			fputc('\n', out);
			break;
		case EXPORT_MD:
			theme = (const char *)sqlite3_column_text(stmt,
								  COL_THEME);
			if (!group || strcmp(group, theme) != 0) {
				md_table_start(out, stmt, !group);
				free(group);
				group = strdup(theme);
				if (!group) {
					store_set_error(s, "export: out of "
							"memory");
					rc = JUAN_ENOMEM;
					goto done;
				}
			}
			md_row(out, stmt);
			break;
		}
		rows++;
		if (ferror(out)) {
			rc = JUAN_EIO;
			goto done;
		}
	}
	if (step != SQLITE_DONE) {
		rc = store_fail(s, "export");
		goto done;
	}
	if (fflush(out) != 0 || ferror(out))
		rc = JUAN_EIO;
done:
	sqlite3_reset(stmt);
	free(group);
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
