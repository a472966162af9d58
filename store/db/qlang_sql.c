/* qlang_sql: a parsed query compiled to one SQL condition with bound values
 * (see qlang_sql.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coding_sql.h"
#include "juan/array.h"
#include "juan/coders.h"
#include "juan/themes.h"
#include "juan/tokenize.h"
#include "qlang_sql.h"
#include "search/search_private.h"
#include "store_private.h"

/* The growing condition: a string builder that remembers running out of
 * memory. */
struct buf {
	char *s;
	size_t len;
	size_t cap;
	bool oom;
};

static void
put(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
put(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int need;
	char *grown;

	if (b->oom)
		return;
	va_start(ap, fmt);
	need = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	grown = array_reserve(b->s, &b->cap, b->len + (size_t)need + 1, 1);
	if (!grown) {
		b->oom = true;
		return;
	}
	b->s = grown;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)need + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)need;
}

/* Adds a value (text, copied, or num when text is NULL); returns its
 * parameter number, 0 when out of memory. */
static int
add_value(struct qsql *c, const char *text, int64_t num)
{
	struct qsql_value *v;

	v = array_reserve(c->values, &c->cap, c->nvalues + 1, sizeof(*v));
	if (!v)
		return 0;
	c->values = v;
	memset(&v[c->nvalues], 0, sizeof(*v));
	v[c->nvalues].num = num;
	if (text && !(v[c->nvalues].text = strdup(text)))
		return 0;
	c->nvalues++;
	return QSQL_FIRST_PARAM + (int)c->nvalues - 1;
}

/* Adds a real number as a value; returns its parameter number, 0 when
 * out of memory. */
static int
add_real(struct qsql *c, double real)
{
	int n = add_value(c, NULL, 0);

	if (n) {
		c->values[c->nvalues - 1].real = real;
		c->values[c->nvalues - 1].is_real = true;
	}
	return n;
}

/* Adds text as a value that takes ownership of it (NULL: out of memory). */
static int
add_owned(struct qsql *c, char *text)
{
	int n = text ? add_value(c, text, 0) : 0;

	free(text);
	return n;
}

/* ---- free words --------------------------------------------------------- */

struct cover {
	size_t len;
	unsigned char *covered; /* one flag per byte */
};

static int
mark_token(void *ctx, const char *tok, int len, int start, int end,
	   int colocated)
{
	struct cover *c = ctx;

	(void)tok;
	(void)len;
	(void)colocated;
	if (start >= 0 && (size_t)end <= c->len && start < end)
		memset(c->covered + start, 1, (size_t)(end - start));
	return 0;
}

/* Whether the index drops a character of value (punctuation, space): then
 * it is matched exactly too.  *exact is set; false when out of memory. */
static bool
needs_exact(const char *value, bool *exact)
{
	struct cover c;
	size_t i;

	c.len = strlen(value);
	c.covered = calloc(c.len + 1, 1);
	if (!c.covered)
		return false;
	*exact = false;
	if (tokenize_text(value, (int)c.len, true, mark_token, &c) < 0) {
		free(c.covered);
		return false;
	}
	for (i = 0; i < c.len; i++)
		if (!c.covered[i])
			*exact = true;
	free(c.covered);
	return true;
}

/* The MATCH expression of a free word or phrase (caller frees; "" when it
 * has nothing the index keeps; NULL when out of memory).  A phrase's words
 * become one term: its tokens must follow each other. */
static char *
word_expr(const char *value, bool phrase)
{
	struct query q = {0};
	char *expr;
	size_t i;

	if (tokenize_query(value, &q) != JUAN_OK)
		return NULL;
	if (phrase && q.nterms > 1) {
		for (i = 1; i < q.nterms; i++)
			q.terms[0].n += q.terms[i].n;
		q.terms[0].prefix = q.terms[q.nterms - 1].prefix;
		q.nterms = 1;
	}
	expr = query_expr(&q);
	query_free(&q);
	return expr;
}

/* A free word or phrase: the index finds the candidates, an exact scan of
 * the title and body checks those where the index drops a character. */
static enum juan_status
compile_text(struct qsql *c, const struct qlang_term *t, struct buf *b)
{
	char *expr = word_expr(t->value, t->quoted);
	bool exact = false;
	int n;

	if (!expr || !needs_exact(t->value, &exact)) {
		free(expr);
		return JUAN_ENOMEM;
	}
	put(b, "(");
	if (expr[0]) {
		if (!(n = add_owned(c, expr)))
			return JUAN_ENOMEM;
		put(b, "d.id IN (SELECT rowid FROM doc_fts WHERE doc_fts"
		    " MATCH ?%d)", n);
	} else {
		free(expr);
		exact = true;
		put(b, "1");
	}
	if (exact) {
		if (!(n = add_value(c, t->value, 0)))
			return JUAN_ENOMEM;
		put(b, " AND (instr(d.title, ?%d) > 0 OR instr(juan_text(d.body), ?%d)"
		    " > 0)", n, n);
	}
	put(b, ")");
	return JUAN_OK;
}

/* ---- fields ------------------------------------------------------------ */

static enum juan_status
compile_theme(struct store *s, struct qsql *c, int64_t scheme,
	      const struct qlang_term *t, struct buf *b)
{
	enum juan_status rc;
	int64_t id;
	int n;

	if (strcmp(t->value, "none") == 0) {
		put(b, "dt.theme_id IS NULL");
		return JUAN_OK;
	}
	rc = store_theme_find(s, scheme, t->value, &id);
	if (rc != JUAN_OK)
		return rc;
	if (!(n = add_value(c, NULL, id)))
		return JUAN_ENOMEM;
	put(b, "coalesce(dt.theme_id, 0) = ?%d", n);
	return JUAN_OK;
}

static void
compile_state(const struct qlang_term *t, struct buf *b)
{
	if (strcmp(t->value, "untagged") == 0)
		put(b, "dt.theme_id IS NULL");
	else if (strcmp(t->value, "tagged") == 0)
		put(b, "dt.theme_id IS NOT NULL");
	else if (strcmp(t->value, "unsure") == 0)
		put(b, "coalesce(dt.state, '') = 'unsure'");
	else if (strcmp(t->value, "todo") == 0)
		put(b, "((dt.theme_id IS NULL AND coalesce(dt.state, '') = '')"
		    " OR coalesce(dt.state, '') = 'unsure')");
	else
		put(b, "coalesce(dt.state, '') = 'none'");
}

/* year: and date:.  Dates are "YYYY-MM-DD" (or shorter): a date has the
 * prefix `to` or sorts before it when it sorts before to followed by '~',
 * which sorts after digits and '-'; both bounds can use an index on
 * documents(date). */
static enum juan_status
compile_dates(struct qsql *c, const struct qlang_term *t, struct buf *b)
{
	char to[16];
	int n;

	put(b, "(d.date <> ''");
	if (t->from[0]) {
		if (!(n = add_value(c, t->from, 0)))
			return JUAN_ENOMEM;
		put(b, " AND d.date >= ?%d", n);
	}
	if (t->to[0]) {
		snprintf(to, sizeof(to), "%s~", t->to);
		if (!(n = add_value(c, to, 0)))
			return JUAN_ENOMEM;
		put(b, " AND d.date < ?%d", n);
	}
	put(b, ")");
	return JUAN_OK;
}

/* A field whose value the column contains: fmt holds %d for the
 * parameter, used as often as the fmt needs (at most three times). */
static enum juan_status
compile_contains(struct qsql *c, const struct qlang_term *t, const char *fmt,
		 struct buf *b)
{
	int n = add_value(c, t->value, 0);

	if (!n)
		return JUAN_ENOMEM;
	put(b, fmt, n, n, n);
	return JUAN_OK;
}

/* disagree:any — the categories of the document's codings (this
 * store's and the other coders') are not all one; disagree:CODER — this
 * store's category and that other coder's (coder_list_find()) differ.  A
 * coder the scheme does not know, or this store's own, is JUAN_ENOTFOUND;
 * a name several coders share, JUAN_EINVAL (the query must say which). */
static enum juan_status
compile_disagree(struct store *s, struct qsql *c, int64_t scheme,
		 const struct qlang_term *t, struct buf *b)
{
	struct coder_list coders;
	enum juan_status rc;
	size_t at = 0;
	int n = 0, u = 0;

	if (strcmp(t->value, "any") == 0) {
		put(b, "(SELECT count(DISTINCT cat) FROM (SELECT "
		    CODING_OWN_CATEGORY("?9") " AS cat UNION ALL SELECT "
		    CODING_CATEGORY("c.theme", "c.state") " FROM "
		    CODING_OTHERS_OF_DOC("?9") ")) > 1");
		return JUAN_OK;
	}
	rc = coders_list(s, scheme, &coders);
	if (rc == JUAN_OK)
		rc = coder_list_find(&coders, t->value, &at);
	if (rc == JUAN_OK && coders.v[at].is_self)
		rc = JUAN_ENOTFOUND;
	if (rc == JUAN_ENOTFOUND)
		store_set_error(s, "query: disagree:%s: no other coder of this "
				"scheme is '%s'", t->value, t->value);
	else if (rc == JUAN_ECONFLICT) {
		store_set_error(s, "query: disagree:%s: '%s' names several "
				"coders (write name#PREFIX, as juan sync status "
				"shows them)", t->value, t->value);
		rc = JUAN_EINVAL;
	}
	if (rc == JUAN_OK && (!(n = add_value(c, coders.v[at].name, 0)) ||
			      !(u = add_value(c, coders.v[at].uid, 0))))
		rc = JUAN_ENOMEM;
	coder_list_free(&coders);
	if (rc != JUAN_OK)
		return rc;
	put(b, "EXISTS (SELECT 1 FROM " CODING_OTHERS_OF_DOC("?9")
	    " AND c.coder = ?%d AND c.uid = ?%d AND "
	    CODING_CATEGORY("c.theme", "c.state") " <> "
	    CODING_OWN_CATEGORY("?9") ")", n, u);
	return JUAN_OK;
}

/* parse:: the doubts stored with the document (`code<TAB>detail` lines,
 * "" for none). */
static enum juan_status
compile_parse(struct qsql *c, const struct qlang_term *t, struct buf *b)
{
	if (strcmp(t->value, "unsure") == 0) {
		put(b, "d.doubts <> ''");
		return JUAN_OK;
	}
	if (strcmp(t->value, "ok") == 0) {
		put(b, "d.doubts = ''");
		return JUAN_OK;
	}
	return compile_contains(c, t, "instr(char(10) || d.doubts,"
				" char(10) || ?%d || char(9)) > 0", b);
}

/* A call of fn on the document only when it has no main theme: written on
 * dt, so that SQLite cannot evaluate it for every document before the
 * join (as it would a term on d alone), suggesting tagged ones too. */
#define ONLY_UNTAGGED(fn) \
	"CASE WHEN dt.theme_id IS NULL THEN " fn "(d.id, ?9) END"

/* suggested: and confidence: — documents without a main theme whose top
 * suggestion (the scheme's saved model, suggest_sql.h) is the theme and
 * within the bound. */
static enum juan_status
compile_suggested(struct store *s, struct qsql *c, int64_t scheme,
		  const struct qlang_term *t, struct buf *b)
{
	static const char *const ops[] = {
		[QLANG_CMP_GE] = ">=", [QLANG_CMP_GT] = ">",
		[QLANG_CMP_LE] = "<=", [QLANG_CMP_LT] = "<",
	};
	enum juan_status rc = store_scheme_resolve(s, scheme, &scheme);
	int64_t id;
	int n;

	if (rc == JUAN_OK && !s->suggest_prepare) {
		store_set_error(s, "query: no suggestions on this connection");
		rc = JUAN_EINVAL;
	}
	if (rc == JUAN_OK)
		rc = s->suggest_prepare(s, scheme);
	if (rc != JUAN_OK)
		return rc;
	put(b, "dt.theme_id IS NULL");
	if (t->field == QLANG_SUGGESTED) {
		rc = store_theme_find(s, scheme, t->value, &id);
		if (rc != JUAN_OK)
			return rc;
		if (!(n = add_value(c, NULL, id)))
			return JUAN_ENOMEM;
		put(b, " AND " ONLY_UNTAGGED("juan_suggested") " = ?%d", n);
	}
	if (t->cmp != QLANG_CMP_NONE) {
		if (!(n = add_real(c, t->bound)))
			return JUAN_ENOMEM;
		put(b, " AND " ONLY_UNTAGGED("juan_confidence") " %s ?%d",
		    ops[t->cmp], n);
	}
	return JUAN_OK;
}

static enum juan_status
compile_term(struct store *s, struct qsql *c, int64_t scheme,
	     const struct qlang_term *t, struct buf *b)
{
	enum juan_status rc = JUAN_OK;

	put(b, t->negated ? "NOT (" : "(");
	switch (t->field) {
	case QLANG_TEXT:
		rc = compile_text(c, t, b);
		break;
	case QLANG_THEME:
		rc = compile_theme(s, c, scheme, t, b);
		break;
	case QLANG_STATE:
		compile_state(t, b);
		break;
	case QLANG_ISSUER:
		rc = compile_contains(c, t, "instr(d.issuer, ?%d) > 0", b);
		break;
	case QLANG_DOCNO:
		rc = compile_contains(c, t, "instr(d.docno, ?%d) > 0", b);
		break;
	case QLANG_TOPIC:
		rc = compile_contains(c, t, "instr(d.topic, ?%d) > 0", b);
		break;
	case QLANG_TYPE:
		/* the same genre as export's doctype */
		rc = compile_contains(c, t, "juan_genre(d.title) = ?%d", b);
		break;
	case QLANG_YEAR:
	case QLANG_DATE:
		rc = compile_dates(c, t, b);
		break;
	case QLANG_NOTE:
		rc = compile_contains(c, t, "EXISTS (SELECT 1 FROM notes n"
				      " WHERE n.doc_id = d.id"
				      " AND instr(n.text, ?%d) > 0)", b);
		break;
	case QLANG_CODER:
		rc = compile_contains(c, t, "coalesce(dt.coder, '') = ?%d"
				      " OR EXISTS (SELECT 1 FROM doc_secondary"
				      " ds WHERE ds.doc_id = d.id"
				      " AND ds.scheme_id = ?9"
				      " AND ds.coder = ?%d)", b);
		break;
	case QLANG_SCHEME:
		put(b, "1");
		break;
	case QLANG_DISAGREE:
		rc = compile_disagree(s, c, scheme, t, b);
		break;
	case QLANG_PARSE:
		rc = compile_parse(c, t, b);
		break;
	case QLANG_SUGGESTED:
	case QLANG_CONFIDENCE:
		rc = compile_suggested(s, c, scheme, t, b);
		break;
	}
	put(b, ")");
	return rc;
}

/* The free words of q that every hit has (parts of one word, not
 * excluded) and the index can find, space-joined, in c->words; NULL when
 * none. */
static enum juan_status
collect_words(const struct qlang *q, struct qsql *c)
{
	struct buf b = {0};
	const struct qlang_term *t;
	size_t i;

	char *expr;

	for (i = 0; i < q->nparts; i++) {
		t = &q->parts[i].terms[0];
		if (q->parts[i].nterms > 1 || t->field != QLANG_TEXT ||
		    t->negated)
			continue;
		if (!(expr = word_expr(t->value, t->quoted)))
			return JUAN_ENOMEM;
		if (expr[0])
			put(&b, "%s%s", b.len ? " " : "", t->value);
		free(expr);
	}
	if (b.oom)
		return JUAN_ENOMEM;
	c->words = b.s;
	return JUAN_OK;
}

enum juan_status
qsql_build(struct store *s, const struct qlang *q, int64_t scheme,
	   struct qsql *out)
{
	const struct qlang_term *sch = qlang_scheme(q);
	struct buf b = {0};
	enum juan_status rc = JUAN_OK;
	size_t i, j;

	memset(out, 0, sizeof(*out));
	if (sch) {
		rc = store_scheme_id(s, sch->value, &out->scheme);
		if (rc != JUAN_OK)
			return rc;
		scheme = out->scheme;
	}
	put(&b, "1");
	for (i = 0; i < q->nparts && rc == JUAN_OK; i++) {
		put(&b, " AND (");
		for (j = 0; j < q->parts[i].nterms && rc == JUAN_OK; j++) {
			if (j > 0)
				put(&b, " OR ");
			rc = compile_term(s, out, scheme,
					  &q->parts[i].terms[j], &b);
		}
		put(&b, ")");
	}
	if (rc == JUAN_OK)
		rc = collect_words(q, out);
	if (rc == JUAN_OK && b.oom)
		rc = JUAN_ENOMEM;
	out->where = b.s;
	if (rc == JUAN_ENOMEM)
		store_set_error(s, "query: out of memory");
	if (rc != JUAN_OK)
		qsql_free(out);
	return rc;
}

void
qsql_bind(const struct qsql *c, sqlite3_stmt *stmt)
{
	size_t i;

	for (i = 0; i < c->nvalues; i++) {
		int n = QSQL_FIRST_PARAM + (int)i;

		if (c->values[i].text)
			sqlite3_bind_text(stmt, n, c->values[i].text, -1,
					  SQLITE_STATIC);
		else if (c->values[i].is_real)
			sqlite3_bind_double(stmt, n, c->values[i].real);
		else
			sqlite3_bind_int64(stmt, n, c->values[i].num);
	}
}

void
qsql_free(struct qsql *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->nvalues; i++)
		free(c->values[i].text);
	free(c->values);
	free(c->where);
	free(c->words);
	memset(c, 0, sizeof(*c));
}
