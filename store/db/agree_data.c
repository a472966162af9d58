/* agree_data: the codings of a scheme as the matrix of agree.h (see
 * agree_data.h).  One statement reads every coding that has a category;
 * the coders, the categories and the items are numbered here. */
#include <stdlib.h>
#include <string.h>

#include <stdio.h>

#include "coding_sql.h"
#include "juan/agree_data.h"
#include "juan/array.h"
#include "juan/coders.h"
#include "store_private.h"

/* One coding with a category. */
struct row {
	char *uid;
	char *coder;
	int64_t doc;
	char *cat;   /* 't' theme or 'n' (coding_sql.h) */
	int64_t pos; /* the theme's position; -1 unknown here */
	size_t coder_index;
	size_t cat_index;
};

static enum juan_status
read_row(sqlite3_stmt *stmt, void *out)
{
	struct row *r = out;

	r->uid = store_column_dup(stmt, 0);
	r->coder = store_column_dup(stmt, 1);
	r->doc = sqlite3_column_int64(stmt, 2);
	r->cat = store_column_dup(stmt, 3);
	r->pos = sqlite3_column_type(stmt, 4) == SQLITE_NULL ? -1 :
		 sqlite3_column_int64(stmt, 4);
	return r->uid && r->coder && r->cat ? JUAN_OK : JUAN_ENOMEM;
}

static void
rows_free(struct row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(rows[i].uid);
		free(rows[i].coder);
		free(rows[i].cat);
	}
	free(rows);
}

static enum juan_status
read_rows(struct store *s, int64_t scheme, struct row **rows, size_t *n)
{
	static const char sql[] =
		"SELECT uid, coder, doc, cat, (SELECT position FROM themes"
		" WHERE scheme_id = ?1 AND name = theme) FROM (SELECT uid, coder,"
		" doc, theme, " CODING_CATEGORY("theme", "state") " AS cat FROM ("
		CODING_ALL("?1") ")) WHERE cat IS NOT NULL ORDER BY doc, uid, coder";
	sqlite3_stmt *stmt = store_stmt(s, sql);

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, scheme);
	return store_collect_rows(s, stmt, (void **)rows, n, sizeof(**rows),
				  read_row, "read codings");
}

/* ---- coders ------------------------------------------------------------ */

/* The index of coder (uid, name) in v[0..n), or n. */
static size_t
coder_index(const struct agree_coder *v, size_t n, const char *uid,
	    const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].uid, uid) == 0 && strcmp(v[i].name, name) == 0)
			return i;
	return n;
}

/* The coders of the scheme (coders.h), in its order, into *out. */
static enum juan_status
collect_coders(const struct coder_list *cl, struct agree_coder **out,
	       size_t *nout)
{
	struct agree_coder *v = calloc(cl->n ? cl->n : 1, sizeof(*v));
	size_t i;

	*out = v;
	*nout = 0;
	if (!v)
		return JUAN_ENOMEM;
	for (i = 0; i < cl->n; i++) {
		v[i].uid = strdup(cl->v[i].uid);
		v[i].name = strdup(cl->v[i].name);
		v[i].label = strdup(cl->v[i].display);
		v[i].self = cl->v[i].is_self;
		*nout = i + 1;
		if (!v[i].uid || !v[i].name || !v[i].label)
			return JUAN_ENOMEM;
	}
	return JUAN_OK;
}

/* The index of the coder text names in cl (coder_list_find()), with the
 * store's error when none or several. */
static enum juan_status
find_coder(struct store *s, const struct coder_list *cl, const char *text,
	   size_t *index)
{
	enum juan_status rc = coder_list_find(cl, text, index);
	char list[512] = "";
	size_t used = 0, i;

	for (i = 0; i < cl->n && used < sizeof(list); i++)
		used += (size_t)snprintf(list + used, sizeof(list) - used,
					 "%s%s", i ? ", " : "",
					 cl->v[i].display);
	if (rc == JUAN_ENOTFOUND)
		store_set_error(s, "no coding by coder '%s' in this scheme "
				"(coders: %s)", text, cl->n ? list : "none");
	else if (rc == JUAN_ECONFLICT)
		store_set_error(s, "coder '%s' names more than one coder "
				"(coders: %s)", text, list);
	return rc;
}

/* ---- categories -------------------------------------------------------- */

/* Themes by position, names unknown here by name, none last. */
static int
row_cat_cmp(const struct row *a, const struct row *b)
{
	bool an = a->cat[0] == 'n', bn = b->cat[0] == 'n';

	if (an != bn)
		return an ? 1 : -1;
	if ((a->pos < 0) != (b->pos < 0))
		return a->pos < 0 ? 1 : -1;
	if (a->pos != b->pos)
		return a->pos < b->pos ? -1 : 1;
	return strcmp(a->cat, b->cat);
}

/* The distinct categories of the rows whose coder is chosen, ordered,
 * into in->categories; each row's cat_index set. */
static enum juan_status
collect_categories(struct row *rows, size_t n, const size_t *column,
		   struct agree_input *in)
{
	const struct row **first = NULL;
	size_t nfirst = 0, cap = 0, i, j;
	void *grown;

	for (i = 0; i < n; i++) {
		if (column[rows[i].coder_index] == SIZE_MAX)
			continue;
		for (j = 0; j < nfirst; j++)
			if (strcmp(first[j]->cat, rows[i].cat) == 0)
				break;
		if (j < nfirst)
			continue;
		/* insertion in order */
		if (!(grown = array_reserve(first, &cap, nfirst + 1,
					    sizeof(*first)))) {
			free(first);
			return JUAN_ENOMEM;
		}
		first = grown;
		for (j = nfirst; j > 0 && row_cat_cmp(first[j - 1], &rows[i]) > 0;
		     j--)
			first[j] = first[j - 1];
		first[j] = &rows[i];
		nfirst++;
	}
	in->categories = calloc(nfirst ? nfirst : 1, sizeof(*in->categories));
	if (!in->categories) {
		free(first);
		return JUAN_ENOMEM;
	}
	in->ncategories = nfirst;
	for (j = 0; j < nfirst; j++) {
		in->categories[j].is_none = first[j]->cat[0] == 'n';
		in->categories[j].name = strdup(in->categories[j].is_none ?
						"none" : first[j]->cat + 1);
		if (!in->categories[j].name) {
			free(first);
			return JUAN_ENOMEM;
		}
	}
	for (i = 0; i < n; i++)
		for (j = 0; j < nfirst; j++)
			if (strcmp(first[j]->cat, rows[i].cat) == 0)
				rows[i].cat_index = j;
	free(first);
	return JUAN_OK;
}

/* ---- the matrix -------------------------------------------------------- */

/* One row of the matrix per document at least two chosen coders coded. */
static enum juan_status
fill_matrix(struct row *rows, size_t n, const size_t *column,
	    struct agree_input *in)
{
	size_t k = in->ncoders, i = 0, j, end, c, coded, cap = 0, dcap = 0;
	int *line = malloc((k ? k : 1) * sizeof(*line));
	void *grown;

	if (!line)
		return JUAN_ENOMEM;
	while (i < n) {
		for (end = i; end < n && rows[end].doc == rows[i].doc; end++)
			;
		for (c = 0; c < k; c++)
			line[c] = AGREE_MISSING;
		coded = 0;
		for (j = i; j < end; j++) {
			c = column[rows[j].coder_index];
			if (c == SIZE_MAX || line[c] != AGREE_MISSING)
				continue;
			line[c] = (int)rows[j].cat_index;
			coded++;
		}
		if (coded >= 2) {
			if (!(grown = array_reserve(in->codes, &cap,
						    (in->data.items + 1) * k,
						    sizeof(int))))
				goto oom;
			in->codes = grown;
			if (!(grown = array_reserve(in->docs, &dcap,
						    in->data.items + 1,
						    sizeof(int64_t))))
				goto oom;
			in->docs = grown;
			memcpy(in->codes + in->data.items * k, line,
			       k * sizeof(*line));
			in->docs[in->data.items++] = rows[i].doc;
		}
		i = end;
	}
	free(line);
	in->data.coders = k;
	in->data.categories = in->ncategories;
	in->data.codes = in->codes;
	return JUAN_OK;
oom:
	free(line);
	return JUAN_ENOMEM;
}

/* Chooses the columns: every coder (this store's first), or those
 * named, in order.  column[i] is coder i's column, SIZE_MAX when not
 * chosen. */
static enum juan_status
choose_coders(struct store *s, const struct coder_list *cl,
	      struct agree_coder *all, size_t nall, const char *const *names,
	      size_t nnames, size_t *column, struct agree_input *in)
{
	size_t i, idx, next = 0;
	enum juan_status rc;
	int self;

	in->coders = calloc(nall ? nall : 1, sizeof(*in->coders));
	if (!in->coders)
		return JUAN_ENOMEM;
	for (i = 0; i < nall; i++)
		column[i] = SIZE_MAX;
	for (self = 1; !nnames && self >= 0; self--)
		for (i = 0; i < nall; i++)
			if (all[i].self == self)
				column[i] = next++;
	for (i = 0; i < nnames; i++) {
		rc = find_coder(s, cl, names[i], &idx);
		if (rc != JUAN_OK)
			return rc;
		if (column[idx] != SIZE_MAX) {
			store_set_error(s, "coder '%s' is named twice",
					all[idx].label);
			return JUAN_EINVAL;
		}
		column[idx] = i;
	}
	/* the chosen coders move into in, in column order */
	for (i = 0; i < nall; i++)
		if (column[i] != SIZE_MAX) {
			in->coders[column[i]] = all[i];
			memset(&all[i], 0, sizeof(all[i]));
		}
	in->ncoders = nnames ? nnames : nall;
	return JUAN_OK;
}

static void
coders_free(struct agree_coder *v, size_t n)
{
	size_t i;

	for (i = 0; v && i < n; i++) {
		free(v[i].uid);
		free(v[i].name);
		free(v[i].label);
	}
	free(v);
}

enum juan_status
store_agree_input(struct store *s, int64_t scheme, const char *const *coders,
		  size_t ncoders, struct agree_input *out)
{
	struct coder_list cl = {0};
	struct row *rows = NULL;
	struct agree_coder *all = NULL;
	size_t nrows = 0, nall = 0, i, *column = NULL;
	enum juan_status rc;

	memset(out, 0, sizeof(*out));
	rc = store_scheme_resolve(s, scheme, &scheme);
	if (rc == JUAN_OK)
		rc = store_scheme_name(s, scheme, &out->scheme);
	if (rc == JUAN_OK)
		rc = read_rows(s, scheme, &rows, &nrows);
	if (rc == JUAN_OK)
		rc = coders_list(s, scheme, &cl);
	if (rc == JUAN_OK)
		rc = collect_coders(&cl, &all, &nall);
	if (rc == JUAN_OK && !(column = calloc(nall + 1, sizeof(*column))))
		rc = JUAN_ENOMEM;
	/* a row of no listed coder (cannot happen) goes to the column-less
	 * slot nall */
	if (column)
		column[nall] = SIZE_MAX;
	for (i = 0; rc == JUAN_OK && i < nrows; i++)
		rows[i].coder_index = coder_index(
			all, nall, rows[i].uid, rows[i].coder);
	if (rc == JUAN_OK)
		rc = choose_coders(s, &cl, all, nall, coders, ncoders, column,
				   out);
	if (rc == JUAN_OK)
		rc = collect_categories(rows, nrows, column, out);
	if (rc == JUAN_OK)
		rc = fill_matrix(rows, nrows, column, out);
	if (rc == JUAN_ENOMEM)
		store_set_error(s, "agreement: out of memory");
	rows_free(rows, nrows);
	coders_free(all, nall);
	coder_list_free(&cl);
	free(column);
	return rc;
}

void
agree_input_free(struct agree_input *in)
{
	size_t i;

	if (!in)
		return;
	free(in->scheme);
	coders_free(in->coders, in->ncoders);
	for (i = 0; in->categories && i < in->ncategories; i++)
		free(in->categories[i].name);
	free(in->categories);
	free(in->docs);
	free(in->codes);
	memset(in, 0, sizeof(*in));
}
