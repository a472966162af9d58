/* cmd_agree: `juan agree` — how far the coders of a scheme agree: percent
 * agreement, Cohen's κ per pair, Fleiss' κ and Krippendorff's α overall and
 * per theme (one against the rest), and a pair's confusion matrix; as a
 * table, TSV or JSON Lines.  The codings come from the store
 * (agree_data.h), the figures from agree.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/agree.h"
#include "juan/agree_data.h"
#include "juan/cli/cmd.h"
#include "juan/export.h"
#include "juan/store.h"
#include "juan/text.h"

enum { OPT_SCHEME = 256, OPT_CODERS, OPT_FORMAT };

enum format { FMT_TABLE, FMT_TSV, FMT_JSONL };

#define CATEGORY_RULE "a coder's category is the main theme, or the state " \
	"none; unsure and\nuntagged documents count as not coded"

struct agree_run {
	const struct agree_input *in;
	const struct agree_report *r;
	size_t *confusion; /* k × k when two coders were named, else NULL */
	size_t both;
	enum format fmt;
};

/* Why a figure has no value, in words. */
static const char *
why(const struct agree_figure *f)
{
	return f->flag == AGREE_NO_ITEMS ? "no documents to compare" :
	       f->flag == AGREE_NO_VARIATION ? "one category only" : "";
}

static const char *
category_label(const struct agree_input *in, size_t k)
{
	return in->categories[k].is_none ? "(none)" : in->categories[k].name;
}

/* ---- table --------------------------------------------------------------- */

static void
put_value(const struct agree_figure *f, int cols)
{
	char num[32];

	if (f->flag == AGREE_DEFINED)
		snprintf(num, sizeof(num), "%.3f", f->value);
	else
		snprintf(num, sizeof(num), "—");
	cmd_put_cell(num, cols, true, stdout);
}

static void
table_figure(const char *label, const struct agree_figure *f)
{
	printf("  ");
	cmd_put_cell(label, 28, false, stdout);
	put_value(f, 7);
	printf("  %9zu%s%s\n", f->items, f->flag == AGREE_DEFINED ? "" : "  ",
	       why(f));
}

/* The widest of the labels, at least min columns. */
static int
widest(const struct agree_input *in, bool coders, int min)
{
	size_t i, n = coders ? in->ncoders : in->ncategories;
	int w = min, x;

	for (i = 0; i < n; i++) {
		const char *s = coders ? in->coders[i].label :
				category_label(in, i);

		x = text_width(s, strlen(s));
		if (x > w)
			w = x;
	}
	return w > 30 ? 30 : w;
}

/* The confusion matrix, its columns numbered as its rows: "[1] 综合政务"
 * is row 1 and column [1]. */
static void
table_confusion(const struct agree_run *a)
{
	const struct agree_input *in = a->in;
	size_t k = in->ncategories, x, y;
	int w = widest(in, false, 6);
	char cell[400];
	char *rows = cmd_flat(in->coders[0].label);
	char *cols = cmd_flat(in->coders[1].label);

	printf("\nconfusion matrix (%zu documents both coded): rows %s, "
	       "columns %s\n  ", a->both, rows ? rows : "", cols ? cols : "");
	free(rows);
	free(cols);
	cmd_put_cell("", w + 5, false, stdout);
	for (y = 0; y < k; y++) {
		snprintf(cell, sizeof(cell), "[%zu]", y + 1);
		cmd_put_cell(cell, 6, true, stdout);
	}
	printf("\n");
	for (x = 0; x < k; x++) {
		snprintf(cell, sizeof(cell), "[%zu] %s", x + 1,
			 category_label(in, x));
		printf("  ");
		cmd_put_cell(cell, w + 5, false, stdout);
		for (y = 0; y < k; y++) {
			snprintf(cell, sizeof(cell), "%zu",
				 a->confusion[x * k + y]);
			cmd_put_cell(cell, 6, true, stdout);
		}
		printf("\n");
	}
}

static void
table(const struct agree_run *a)
{
	const struct agree_input *in = a->in;
	const struct agree_report *r = a->r;
	char pair[200], *scheme = cmd_flat(in->scheme);
	size_t i;
	int w;

	printf("scheme %s: %zu coders, %zu documents coded by at least two\n",
	       scheme ? scheme : "", in->ncoders, r->percent.items);
	free(scheme);
	printf("(" CATEGORY_RULE ")\n\n");
	printf("  %-28s%7s  %9s\n", "overall", "value", "documents");
	table_figure("percent agreement", &r->percent);
	table_figure("all coders agree", &r->unanimous);
	table_figure(r->fleiss_equal || r->fleiss.flag != AGREE_DEFINED ?
		     "Fleiss' κ" : "Fleiss' κ (unequal coders)", &r->fleiss);
	table_figure("Krippendorff's α (nominal)", &r->alpha);
	if (r->npairs) {
		printf("\n  %-28s%7s  %9s  %s\n", "pair", "κ", "agreement",
		       "documents");
		for (i = 0; i < r->npairs; i++) {
			snprintf(pair, sizeof(pair), "%s – %s",
				 in->coders[r->pairs[i].a].label,
				 in->coders[r->pairs[i].b].label);
			printf("  ");
			cmd_put_cell(pair, 28, false, stdout);
			put_value(&r->pairs[i].kappa, 7);
			printf("  ");
			put_value(&r->pairs[i].percent, 9);
			printf("  %9zu%s%s\n", r->pairs[i].kappa.items,
			       r->pairs[i].kappa.flag == AGREE_DEFINED ? "" :
			       "  ", why(&r->pairs[i].kappa));
		}
	}
	if (r->ncategories) {
		w = widest(in, false, 26);
		printf("\n  ");
		cmd_put_cell("theme (against the rest)", w, false, stdout);
		printf("  %7s  %9s  %s\n", "α", "Fleiss' κ", "ratings");
		for (i = 0; i < r->ncategories; i++) {
			printf("  ");
			cmd_put_cell(category_label(in, i), w, false, stdout);
			printf("  ");
			put_value(&r->themes[i].alpha, 7);
			printf("  ");
			put_value(&r->themes[i].kappa, 9);
			printf("  %7zu\n", r->themes[i].ratings);
		}
	}
	if (a->confusion)
		table_confusion(a);
}

/* ---- tsv ------------------------------------------------------------------- */

/* A cell: tabs and line breaks would split it. */
static void
tsv_cell(const char *s)
{
	char *flat = cmd_flat(s);
	char *p;

	for (p = flat; p && *p; p++)
		if (*p == '\t')
			*p = ' ';
	fputs(flat ? flat : "", stdout);
	free(flat);
}

static void
tsv_row(const char *figure, const char *coders, const char *theme,
	const char *theme2, const struct agree_figure *f)
{
	printf("%s\t", figure);
	tsv_cell(coders);
	putchar('\t');
	tsv_cell(theme);
	putchar('\t');
	tsv_cell(theme2);
	if (f->flag == AGREE_DEFINED)
		printf("\t%.6f\t%zu\n", f->value, f->items);
	else
		printf("\t\t%zu\n", f->items);
}

static void
tsv(const struct agree_run *a)
{
	const struct agree_input *in = a->in;
	const struct agree_report *r = a->r;
	size_t i, x, y, k = in->ncategories;
	char pair[200];

	printf("figure\tcoders\ttheme\ttheme2\tvalue\tdocuments\n");
	tsv_row("percent", "", "", "", &r->percent);
	tsv_row("unanimous", "", "", "", &r->unanimous);
	tsv_row("fleiss", "", "", "", &r->fleiss);
	tsv_row("alpha", "", "", "", &r->alpha);
	for (i = 0; i < r->npairs; i++) {
		snprintf(pair, sizeof(pair), "%s,%s",
			 in->coders[r->pairs[i].a].label,
			 in->coders[r->pairs[i].b].label);
		tsv_row("kappa", pair, "", "", &r->pairs[i].kappa);
		tsv_row("pair_percent", pair, "", "", &r->pairs[i].percent);
	}
	for (i = 0; i < r->ncategories; i++) {
		tsv_row("theme_alpha", "", category_label(in, i), "",
			&r->themes[i].alpha);
		tsv_row("theme_kappa", "", category_label(in, i), "",
			&r->themes[i].kappa);
	}
	if (!a->confusion)
		return;
	snprintf(pair, sizeof(pair), "%s,%s", in->coders[0].label,
		 in->coders[1].label);
	for (x = 0; x < k; x++)
		for (y = 0; y < k; y++) {
			struct agree_figure f = {(double)a->confusion[x * k + y],
						 AGREE_DEFINED, a->both};

			printf("confusion\t");
			tsv_cell(pair);
			putchar('\t');
			tsv_cell(category_label(in, x));
			putchar('\t');
			tsv_cell(category_label(in, y));
			printf("\t%.0f\t%zu\n", f.value, f.items);
		}
}

/* ---- jsonl ----------------------------------------------------------------- */

static void
json_str(const char *s)
{
	export_json_string(stdout, s, strlen(s));
}

/* "NAME":value,"NAME_documents":n — or null and why. */
static void
json_figure(const char *name, const struct agree_figure *f)
{
	printf("\"%s\":", name);
	if (f->flag == AGREE_DEFINED)
		printf("%.6f", f->value);
	else
		printf("null,\"%s_undefined\":\"%s\"", name, why(f));
}

static void
json_pair(const struct agree_input *in, size_t a, size_t b)
{
	printf("\"coders\":[");
	json_str(in->coders[a].label);
	putchar(',');
	json_str(in->coders[b].label);
	putchar(']');
}

static void
jsonl(const struct agree_run *a)
{
	const struct agree_input *in = a->in;
	const struct agree_report *r = a->r;
	size_t i, x, y, k = in->ncategories;

	printf("{\"scheme\":");
	json_str(in->scheme);
	printf(",\"coders\":[");
	for (i = 0; i < in->ncoders; i++) {
		printf(i ? "," : "");
		json_str(in->coders[i].label);
	}
	printf("],\"categories\":[");
	for (i = 0; i < k; i++) {
		printf(i ? "," : "");
		json_str(category_label(in, i));
	}
	printf("],\"documents\":%zu,", r->percent.items);
	json_figure("percent", &r->percent);
	putchar(',');
	json_figure("unanimous", &r->unanimous);
	putchar(',');
	json_figure("fleiss", &r->fleiss);
	printf(",\"fleiss_equal\":%s,", r->fleiss_equal ? "true" : "false");
	json_figure("alpha", &r->alpha);
	printf(",\"alpha_documents\":%zu}\n", r->alpha.items);
	for (i = 0; i < r->npairs; i++) {
		printf("{\"pair\":true,");
		json_pair(in, r->pairs[i].a, r->pairs[i].b);
		putchar(',');
		json_figure("kappa", &r->pairs[i].kappa);
		putchar(',');
		json_figure("percent", &r->pairs[i].percent);
		printf(",\"documents\":%zu}\n", r->pairs[i].kappa.items);
	}
	for (i = 0; i < r->ncategories; i++) {
		printf("{\"theme\":");
		json_str(category_label(in, i));
		printf(",\"none\":%s,", in->categories[i].is_none ? "true" :
		       "false");
		json_figure("alpha", &r->themes[i].alpha);
		putchar(',');
		json_figure("kappa", &r->themes[i].kappa);
		printf(",\"ratings\":%zu}\n", r->themes[i].ratings);
	}
	if (!a->confusion)
		return;
	printf("{\"confusion\":true,");
	json_pair(in, 0, 1);
	printf(",\"documents\":%zu,\"matrix\":[", a->both);
	for (x = 0; x < k; x++) {
		printf(x ? ",[" : "[");
		for (y = 0; y < k; y++)
			printf("%s%zu", y ? "," : "", a->confusion[x * k + y]);
		printf("]");
	}
	printf("]}\n");
}

/* ---- running ---------------------------------------------------------------- */

/* The names of --coders A,B,… split at commas, in *names (pointers into
 * buf) and their number in *n.  CMD_USAGE for an empty name. */
static int
split_coders(char *buf, const char **names, size_t max, size_t *n)
{
	char *p = buf, *comma;

	*n = 0;
	for (;;) {
		comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		if (!*p)
			return cmd_usage("agree", "--coders: an empty name "
					 "(give NAME,NAME,…)");
		if (*n == max)
			return cmd_usage("agree", "--coders: at most %zu "
					 "coders", max);
		names[(*n)++] = p;
		if (!comma)
			return CMD_OK;
		p = comma + 1;
	}
}

static int
parse_format(const char *arg, enum format *fmt)
{
	if (!arg || strcmp(arg, "table") == 0)
		*fmt = FMT_TABLE;
	else if (strcmp(arg, "tsv") == 0)
		*fmt = FMT_TSV;
	else if (strcmp(arg, "jsonl") == 0)
		*fmt = FMT_JSONL;
	else
		return cmd_usage("agree", "--format '%s': not a format "
				 "(table, tsv, jsonl)", arg);
	return CMD_OK;
}

static int
report(struct agree_run *a)
{
	struct agree_report *r = NULL;
	const struct agree_input *in = a->in;
	enum juan_status st;

	st = agree_report_new(&in->data, &r);
	if (st == JUAN_OK && a->confusion)
		st = agree_confusion(&in->data, 0, 1, AGREE_ALL, a->confusion,
				     &a->both);
	if (st != JUAN_OK) {
		cmd_error("agree: %s", juan_strstatus(st));
		agree_report_free(&r);
		return CMD_FAIL;
	}
	a->r = r;
	if (a->fmt == FMT_TABLE)
		table(a);
	else if (a->fmt == FMT_TSV)
		tsv(a);
	else
		jsonl(a);
	agree_report_free(&r);
	return fflush(stdout) == 0 ? CMD_OK : CMD_FAIL;
}

static int
run(struct cmd *c, const struct cmd_args *a)
{
	const char *coders = cmd_args_get(a, OPT_CODERS);
	struct agree_input in = {0};
	struct agree_run ar = {0};
	const char *names[64];
	char *buf = NULL;
	size_t n = 0;
	struct store *s;
	int64_t scheme;
	enum juan_status st;
	int rc;

	if (a->argc > 0)
		return cmd_usage("agree", "no operands ('%s')", a->argv[0]);
	rc = parse_format(cmd_args_get(a, OPT_FORMAT), &ar.fmt);
	if (rc != CMD_OK)
		return rc;
	if (coders && !(buf = strdup(coders))) {
		cmd_error("agree: out of memory");
		return CMD_FAIL;
	}
	if (buf && (rc = split_coders(buf, names, 64, &n)) != CMD_OK)
		goto done;
	if (n == 1) {
		rc = cmd_usage("agree", "--coders: name two coders or more");
		goto done;
	}
	rc = CMD_FAIL;
	if (!(s = cmd_store(c)))
		goto done;
	if ((rc = cmd_scheme(s, cmd_args_get(a, OPT_SCHEME), &scheme)) !=
	    CMD_OK)
		goto done;
	st = store_agree_input(s, scheme, names, n, &in);
	if (st == JUAN_ENOTFOUND || st == JUAN_ECONFLICT || st == JUAN_EINVAL) {
		rc = cmd_usage("agree", "%s", store_error(s));
		goto done;
	}
	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		goto done;
	}
	if (in.ncoders < 2) {
		cmd_error("agree: scheme %s has %zu coder%s: agreement needs "
			  "two or more (bring the others' codings with `juan "
			  "sync import`)", in.scheme, in.ncoders,
			  in.ncoders == 1 ? "" : "s");
		rc = CMD_FAIL;
		goto done;
	}
	ar.in = &in;
	if (n == 2 && !(ar.confusion = calloc(in.ncategories ?
					      in.ncategories * in.ncategories :
					      1, sizeof(size_t)))) {
		cmd_error("agree: out of memory");
		goto done;
	}
	rc = report(&ar);
done:
	free(ar.confusion);
	agree_input_free(&in);
	free(buf);
	return rc;
}

static const struct cmd_option options[] = {
	{"scheme", OPT_SCHEME, "NAME", "the scheme (default: the active one)"},
	{"coders", OPT_CODERS, "CODERS",
	 "only these coders, comma-separated (a name, or\n"
	 "name#PREFIX when two share a name); with two,\n"
	 "their confusion matrix too"},
	{"format", OPT_FORMAT, "FORMAT", "table (default), tsv or jsonl"},
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_agree_entry = {
	.name = "agree",
	.summary = "measure how far the coders of a scheme agree",
	.usage = "[--scheme NAME] [--coders CODERS] [--format table|tsv|jsonl]",
	.about = "Compares the codings of this store's coder with the other "
		 "coders'\n(brought in by `juan sync import`) on the documents "
		 "at least two\nof them coded: percent agreement, Cohen's κ per "
		 "pair, Fleiss' κ and\nKrippendorff's α (nominal) overall, the "
		 "same per theme against the\nrest, and with --coders A,B their "
		 "confusion matrix.  A coder's\ncategory of a document is its "
		 "main theme, or the state none as a\ncategory of its own; an "
		 "unsure or untagged document counts as\nnot coded by that "
		 "coder.  A figure that cannot be computed is\nshown as — with "
		 "the reason.\n",
	.options = options,
	.run = run,
};
