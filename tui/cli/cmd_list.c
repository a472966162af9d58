/* cmd_list: `juan list` — documents as a table fitted to the terminal or as
 * TSV. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "juan/cli/cmd.h"
#include "juan/sanitize.h"
#include "juan/store.h"
#include "juan/text.h"
#include "juan/themes.h"

enum { NCOLS = 5 };
enum { OPT_THEME = 256, OPT_UNTAGGED, OPT_SEARCH, OPT_FORMAT };

static const char *const headers[NCOLS] = {
	"id", "date", "issuer", "title", "theme",
};

/* One row of the table; cells[] and path are owned.  The table shows the
 * path of a document without a title, as the browser does; the TSV keeps
 * the title as it is. */
struct row {
	char *cells[NCOLS];
	char *path;
};

struct rows {
	struct row *v;
	size_t n, cap;
	bool oom;
};

static void
rows_free(struct rows *r)
{
	size_t i;
	int j;

	for (i = 0; i < r->n; i++) {
		for (j = 0; j < NCOLS; j++)
			free(r->v[i].cells[j]);
		free(r->v[i].path);
	}
	free(r->v);
}

/* A copy of s through the sanitiser as one line: no cell breaks a line of
 * the table or of the TSV, and none can drive the terminal; caller frees. */
static char *
flat_dup(const char *s)
{
	return sanitize_dup(s, strlen(s), SANITIZE_LINE);
}

static int
collect_row(const struct doc_info *info, void *ctx)
{
	struct rows *r = ctx;
	struct row *row, *grown;
	char id[24];
	int j;

	grown = array_reserve(r->v, &r->cap, r->n + 1, sizeof(*r->v));
	if (!grown)
		goto oom;
	r->v = grown;
	row = &r->v[r->n];
	snprintf(id, sizeof(id), "%lld", (long long)info->id);
	row->cells[0] = strdup(id);
	row->cells[1] = flat_dup(info->date);
	row->cells[2] = flat_dup(info->issuer);
	row->cells[3] = flat_dup(info->title);
	row->cells[4] = flat_dup(info->theme_name);
	row->path = flat_dup(info->path);
	for (j = 0; j < NCOLS && row->cells[j]; j++)
		;
	if (j < NCOLS || !row->path) {
		for (j = 0; j < NCOLS; j++)
			free(row->cells[j]);
		free(row->path);
		goto oom;
	}
	r->n++;
	return 0;
oom:
	r->oom = true;
	return 1;
}

/* When the table is wider than the terminal, columns give up width in this
 * order, each down to its floor: first the issuer and the theme to a useful
 * width, then the title to 20 columns, then everything to a bare minimum,
 * and on a very narrow terminal to a character and its "…". */
static const struct {
	int col;
	int floor;
} shrink_steps[] = {
	{2, 16}, {4, 10}, {3, 20}, {2, 6}, {4, 5}, {3, 8}, {1, 4},
	{2, 3}, {4, 3}, {1, 3}, {3, 3},
};
#define GAP 2

static void
fit_widths(int w[NCOLS], int cols)
{
	int excess = GAP * (NCOLS - 1) - cols, give, j;
	size_t i;

	for (j = 0; j < NCOLS; j++)
		excess += w[j];
	for (i = 0; excess > 0 && i < sizeof(shrink_steps) /
						sizeof(shrink_steps[0]); i++) {
		j = shrink_steps[i].col;
		give = w[j] - shrink_steps[i].floor;
		if (give <= 0)
			continue;
		if (give > excess)
			give = excess;
		w[j] -= give;
		excess -= give;
	}
}

/* Cell j of row i of the table, row 0 being the header. */
static const char *
table_cell(const struct rows *r, size_t i, int j)
{
	const struct row *row;

	if (i == 0)
		return headers[j];
	row = &r->v[i - 1];
	return j == 3 && row->cells[3][0] == '\0' ? row->path : row->cells[j];
}

static int
print_table(const struct rows *r, FILE *out)
{
	int w[NCOLS];
	size_t i;
	int j, cw;

	for (j = 0; j < NCOLS; j++)
		w[j] = text_width(headers[j], strlen(headers[j]));
	for (i = 1; i <= r->n; i++) {
		for (j = 0; j < NCOLS; j++) {
			cw = text_width(table_cell(r, i, j),
					strlen(table_cell(r, i, j)));
			if (cw > w[j])
				w[j] = cw;
		}
	}
	fit_widths(w, cmd_term_width());
	for (i = 0; i <= r->n; i++) {
		for (j = 0; j < NCOLS; j++) {
			if (j > 0)
				fprintf(out, "%*s", GAP, "");
			if (cmd_put_cell(table_cell(r, i, j), w[j], j == 0,
					 out) != 0)
				return -1;
		}
		fputc('\n', out);
	}
	return 0;
}

static void
print_tsv(const struct rows *r, FILE *out)
{
	size_t i;
	int j;

	for (i = 0; i <= r->n; i++) {
		for (j = 0; j < NCOLS; j++) {
			if (j > 0)
				fputc('\t', out);
			fputs(i == 0 ? headers[j] : r->v[i - 1].cells[j], out);
		}
		fputc('\n', out);
	}
}

static int
run(struct cmd *c, const struct cmd_args *a)
{
	const char *format = cmd_args_get(a, OPT_FORMAT);
	struct list_query q = {0};
	struct theme_set set = {0};
	const struct theme *theme;
	struct rows rows = {0};
	bool tsv = false;
	enum juan_status st;
	struct store *s;
	int rc = CMD_FAIL;

	if (format && strcmp(format, "tsv") == 0)
		tsv = true;
	else if (format && strcmp(format, "table") != 0)
		return cmd_usage("list", "unknown format '%s' for --format "
				 "(table or tsv)", format);
	q.theme = cmd_args_get(a, OPT_THEME);
	q.untagged = cmd_args_count(a, OPT_UNTAGGED) > 0;
	q.search = cmd_args_get(a, OPT_SEARCH);
	if (a->argc > 0)
		return cmd_usage("list", "unexpected argument '%s'",
				 a->argv[0]);
	if (q.theme && q.untagged)
		return cmd_usage("list", "give --theme or --untagged, not "
				 "both");
	if (q.search && text_is_blank(q.search, strlen(q.search)))
		return cmd_usage("list", "the --search QUERY is empty");
	s = cmd_store(c);
	if (!s)
		return CMD_FAIL;
	if (q.theme && cmd_theme_find(s, q.theme, &set, &theme) != CMD_OK)
		goto done;
	st = store_list(s, &q, collect_row, &rows);
	if (rows.oom)
		st = JUAN_ENOMEM;
	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		goto done;
	}
	if (tsv)
		print_tsv(&rows, stdout);
	else if (print_table(&rows, stdout) != 0) {
		cmd_error("%s", juan_strstatus(JUAN_ENOMEM));
		goto done;
	}
	rc = CMD_OK;
done:
	theme_set_free(&set);
	rows_free(&rows);
	return rc;
}

static const struct cmd_option options[] = {
	{"theme", OPT_THEME, "NAME",
	 "only documents with this theme (name or key)"},
	{"untagged", OPT_UNTAGGED, NULL, "only documents without a theme"},
	{"search", OPT_SEARCH, "QUERY", "only documents that match, best first"},
	{"format", OPT_FORMAT, "table|tsv",
	 "table: aligned columns cut to the terminal (the default)\n"
	 "tsv: tab-separated with a header line, nothing cut"},
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_list_entry = {
	.name = "list",
	.summary = "list documents (by theme, search)",
	.usage = "[--theme NAME | --untagged] [--search QUERY] "
		 "[--format table|tsv]",
	.about = "Lists documents: id, date, issuer, title, theme.\n",
	.options = options,
	.run = run,
};
