/* cmd_list: `juan list` — documents as a table fitted to the terminal or as
 * TSV — and `juan show ID`, one document's metadata and outline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/store.h"
#include "juan/text.h"
#include "juan/themes.h"

static const char list_usage[] =
	"usage: juan list [--theme NAME | --untagged] [--search QUERY]\n"
	"                 [--format table|tsv]\n"
	"\n"
	"Lists documents: id, date, issuer, title, theme.\n"
	"  --theme NAME     only documents with this theme (name or key)\n"
	"  --untagged       only documents without a theme\n"
	"  --search QUERY   only documents that match, best first\n"
	"  --format table   aligned columns cut to the terminal (default)\n"
	"  --format tsv     tab-separated with a header line, nothing cut\n";

static const char show_usage[] =
	"usage: juan show ID\n"
	"\n"
	"Shows a document's metadata, its theme and its outline.\n";

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

/* A copy of s in which control characters (a tab, a line break) are spaces,
 * so that no cell breaks a line of the table or of the TSV; caller frees. */
static char *
flat_dup(const char *s)
{
	char *copy = strdup(s), *p;

	if (copy)
		for (p = copy; *p; p++)
			if ((unsigned char)*p < ' ')
				*p = ' ';
	return copy;
}

static int
collect_row(const struct doc_info *info, void *ctx)
{
	struct rows *r = ctx;
	struct row *row, *grown;
	char id[24];
	int j;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		grown = realloc(r->v, r->cap * sizeof(*r->v));
		if (!grown)
			goto oom;
		r->v = grown;
	}
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

/* Fails with a message unless the store has a theme called name_or_key. */
static int
check_theme(struct store *s, const char *name_or_key)
{
	struct theme_set set = {0};
	enum juan_status st;
	int rc = CMD_OK;

	st = store_themes(s, &set);
	if (st != JUAN_OK) {
		cmd_error("%s: %s", store_path(s), store_error(s));
		return CMD_FAIL;
	}
	if (!theme_set_find(&set, name_or_key)) {
		cmd_no_theme(name_or_key);
		rc = CMD_FAIL;
	}
	theme_set_free(&set);
	return rc;
}

int
cmd_list(struct cmd *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"theme", required_argument, NULL, OPT_THEME},
		{"untagged", no_argument, NULL, OPT_UNTAGGED},
		{"search", required_argument, NULL, OPT_SEARCH},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct list_query q = {0};
	struct rows rows = {0};
	bool tsv = false;
	enum juan_status st;
	struct store *s;
	int opt, rc = CMD_FAIL;

	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (opt) {
		case OPT_THEME:
			q.theme = optarg;
			break;
		case OPT_UNTAGGED:
			q.untagged = true;
			break;
		case OPT_SEARCH:
			q.search = optarg;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "tsv") == 0)
				tsv = true;
			else if (strcmp(optarg, "table") == 0)
				tsv = false;
			else
				return cmd_usage("list", "unknown format '%s' "
						 "for --format (table or tsv)",
						 optarg);
			break;
		case 'h':
			fputs(list_usage, stdout);
			return CMD_OK;
		default:
			return cmd_bad_option("list", opt, argv, opts);
		}
	}
	if (optind < argc)
		return cmd_usage("list", "unexpected argument '%s'",
				 argv[optind]);
	if (q.theme && q.untagged)
		return cmd_usage("list", "give --theme or --untagged, not "
				 "both");
	if (q.search && text_is_blank(q.search, strlen(q.search)))
		return cmd_usage("list", "the --search QUERY is empty");
	s = cmd_store(c);
	if (!s)
		return CMD_FAIL;
	if (q.theme && check_theme(s, q.theme) != CMD_OK)
		return CMD_FAIL;
	st = store_list(s, &q, collect_row, &rows);
	if (rows.oom)
		st = JUAN_ENOMEM;
	if (st != JUAN_OK) {
		cmd_error("%s: %s", store_path(s), *store_error(s) ?
			  store_error(s) : juan_strstatus(st));
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
	rows_free(&rows);
	return rc;
}

/* Prints "label  value", the values of show starting at column 12. */
static void
show_field(const char *label, const char *value)
{
	int pad = 11 - text_width(label, strlen(label));

	if (!*value)
		printf("%s\n", label);
	else
		printf("%s%*s%s\n", label, pad > 1 ? pad : 1, "", value);
}

int
cmd_show(struct cmd *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct doc_info info = {0};
	struct section *secs = NULL;
	size_t nsecs = 0, i;
	char theme[256];
	enum juan_status st;
	struct store *s;
	int64_t id;
	int opt, rc = CMD_FAIL;

	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			fputs(show_usage, stdout);
			return CMD_OK;
		default:
			return cmd_bad_option("show", opt, argv, opts);
		}
	}
	if (argc - optind != 1)
		return cmd_usage("show", "give one document ID");
	if (!cmd_parse_id(argv[optind], &id))
		return cmd_usage("show", "'%s' is not a document id",
				 argv[optind]);
	s = cmd_store(c);
	if (!s)
		return CMD_FAIL;
	st = store_doc_info(s, id, &info);
	if (st == JUAN_OK)
		st = store_doc_sections(s, id, &secs, &nsecs);
	if (st == JUAN_ENOTFOUND) {
		cmd_error("document %lld: no such document", (long long)id);
		goto done;
	}
	if (st != JUAN_OK) {
		cmd_error("%s: %s", store_path(s), store_error(s));
		goto done;
	}
	if (info.theme_id)
		snprintf(theme, sizeof(theme), "%s (key %c, tagged %s UTC)",
			 info.theme_name, info.theme_key, info.tagged_at);
	else
		snprintf(theme, sizeof(theme), "(none)");
	printf("id%*s%lld\n", 9, "", (long long)info.id);
	show_field("title", info.title);
	show_field("issuer", info.issuer);
	show_field("docno", info.docno);
	show_field("date", info.date);
	show_field("published", info.published);
	show_field("topic", info.topic);
	show_field("source", info.source);
	show_field("path", info.path);
	show_field("theme", theme);
	printf("outline%s\n", nsecs ? "" : "    (no headings)");
	for (i = 0; i < nsecs; i++)
		printf("%*s%s %s\n", 2 * secs[i].level, "", secs[i].label,
		       secs[i].title);
	rc = CMD_OK;
done:
	sections_free(secs, nsecs);
	doc_info_clear(&info);
	return rc;
}
