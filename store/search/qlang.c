/* qlang: the query language and sort orders of lists, parsed (see
 * qlang.h).  Pure: strings in, a struct qlang or an error out. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "juan/parse.h"
#include "juan/qlang.h"
#include "juan/sanitize.h"
#include "juan/text.h"

static const char *const field_names[] = {
	[QLANG_TEXT] = "",
	[QLANG_THEME] = "theme",
	[QLANG_STATE] = "state",
	[QLANG_ISSUER] = "issuer",
	[QLANG_DOCNO] = "docno",
	[QLANG_TYPE] = "type",
	[QLANG_TOPIC] = "topic",
	[QLANG_YEAR] = "year",
	[QLANG_DATE] = "date",
	[QLANG_NOTE] = "note",
	[QLANG_CODER] = "coder",
	[QLANG_SCHEME] = "scheme",
	[QLANG_DISAGREE] = "disagree",
	[QLANG_PARSE] = "parse",
	[QLANG_SUGGESTED] = "suggested",
	[QLANG_CONFIDENCE] = "confidence",
};
#define NFIELDS (sizeof(field_names) / sizeof(field_names[0]))

#define FIELD_LIST "theme, state, issuer, docno, type, topic, year, date," \
	" note, coder, scheme, disagree, parse, suggested, confidence"
#define STATE_LIST "untagged, tagged, unsure, none, todo"

const char *
qlang_field_name(enum qlang_field f)
{
	return (unsigned)f < NFIELDS ? field_names[f] : "";
}

void
qlang_free(struct qlang *q)
{
	size_t i, j;

	if (!q)
		return;
	for (i = 0; i < q->nparts; i++) {
		for (j = 0; j < q->parts[i].nterms; j++)
			free(q->parts[i].terms[j].value);
		free(q->parts[i].terms);
	}
	free(q->parts);
	memset(q, 0, sizeof(*q));
}

bool
qlang_has_words(const struct qlang *q)
{
	size_t i, j;

	for (i = 0; i < q->nparts; i++)
		for (j = 0; j < q->parts[i].nterms; j++)
			if (q->parts[i].terms[j].field == QLANG_TEXT &&
			    !q->parts[i].terms[j].negated)
				return true;
	return false;
}

const struct qlang_term *
qlang_scheme(const struct qlang *q)
{
	size_t i;

	for (i = 0; i < q->nparts; i++)
		if (q->parts[i].terms[0].field == QLANG_SCHEME)
			return &q->parts[i].terms[0];
	return NULL;
}

/* ---- the parser ------------------------------------------------------ */

struct parser {
	const char *text;
	size_t len;
	size_t at;
	struct qlang *out;
	struct qlang_error *err;
	size_t part_cap;
	size_t term_cap; /* of the last part's terms */
};

/* Records "column N: fmt..." at byte offset off; returns JUAN_EINVAL. */
static enum juan_status
fail(struct parser *p, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static enum juan_status
fail(struct parser *p, size_t off, const char *fmt, ...)
{
	size_t col = 1, i, len;
	va_list ap;

	for (i = 0; i < off; i++)
		if (((unsigned char)p->text[i] & 0xC0) != 0x80)
			col++;
	if (!p->err)
		return JUAN_EINVAL;
	p->err->offset = off;
	p->err->column = col;
	len = (size_t)snprintf(p->err->message, sizeof(p->err->message),
			       "column %zu: ", col);
	if (len < sizeof(p->err->message)) {
		va_start(ap, fmt);
		vsnprintf(p->err->message + len, sizeof(p->err->message) - len,
			  fmt, ap);
		va_end(ap);
	}
	return JUAN_EINVAL;
}

/* The length of the white space at text[at] (ASCII or U+3000), 0 if
 * none. */
static size_t
space_at(const char *text, size_t at)
{
	unsigned char c = (unsigned char)text[at];

	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v')
		return 1;
	if (c == 0xE3 && (unsigned char)text[at + 1] == 0x80 &&
	    (unsigned char)text[at + 2] == 0x80)
		return 3;
	return 0;
}

static void
skip_space(struct parser *p)
{
	size_t n;

	while (p->at < p->len && (n = space_at(p->text, p->at)) > 0)
		p->at += n;
}

/* The end of the bare word at p->at: the next white space or the end. */
static size_t
word_end(const struct parser *p, size_t at)
{
	while (at < p->len && space_at(p->text, at) == 0)
		at++;
	return at;
}

/* The field named text[at..end) (ASCII letters before a ':'), or -1. */
static int
field_at(const char *text, size_t at, size_t end)
{
	size_t i, len = end - at;

	for (i = 1; i < NFIELDS; i++)
		if (strlen(field_names[i]) == len &&
		    memcmp(text + at, field_names[i], len) == 0)
			return (int)i;
	return -1;
}

/* Whether s[0..len) is a valid date "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
static bool
valid_date(const char *s, size_t len)
{
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
				   30, 31};
	int y, m, d;
	size_t i;

	if (len != 4 && len != 7 && len != 10)
		return false;
	for (i = 0; i < len; i++) {
		bool dash = i == 4 || i == 7;

		if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return false;
	}
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	if (y < 1000)
		return false;
	if (len == 4)
		return true;
	m = (s[5] - '0') * 10 + (s[6] - '0');
	if (m < 1 || m > 12)
		return false;
	if (len == 7)
		return true;
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (d < 1 || d > days[m - 1])
		return false;
	return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 ||
						   y % 400 == 0));
}

/* Compares two bounds as the store does: a against b's precision. */
static bool
range_ok(const char *from, const char *to)
{
	size_t n = strlen(to);

	if (!from[0] || !to[0])
		return true;
	if (strlen(from) < n)
		n = strlen(from);
	return strncmp(from, to, n) <= 0;
}

/* Fills t->from and t->to from t->value for year: and date:. */
static enum juan_status
parse_dates(struct parser *p, struct qlang_term *t, size_t voff)
{
	const char *v = t->value, *dots = strstr(v, "..");
	size_t len = strlen(v), flen, tlen;

	if (t->field == QLANG_YEAR) {
		if (len != 4 || !valid_date(v, 4))
			return fail(p, voff, "year:%s is not a year (year:2014)",
				    v);
		memcpy(t->from, v, 5);
		memcpy(t->to, v, 5);
		return JUAN_OK;
	}
	flen = dots ? (size_t)(dots - v) : len;
	tlen = dots ? len - flen - 2 : len;
	if ((dots && flen == 0 && tlen == 0) ||
	    (flen && !valid_date(v, flen)) ||
	    (tlen && !valid_date(v + len - tlen, tlen)))
		return fail(p, voff, "date:%s is not a date or a range of dates"
			    " (date:2014-01..2015-06, date:2014.., "
			    "date:..2015-06-30)", v);
	memcpy(t->from, v, flen);
	t->from[flen] = '\0';
	memcpy(t->to, v + len - tlen, tlen);
	t->to[tlen] = '\0';
	if (!range_ok(t->from, t->to))
		return fail(p, voff, "date:%s ends before it starts", v);
	return JUAN_OK;
}

/* parse:unsure, parse:ok or parse:CODE, the code as parse --check
 * writes it (its dashes may be left out: the value becomes the code). */
static enum juan_status
parse_state(struct parser *p, struct qlang_term *t, size_t voff)
{
	enum parse_doubt_code code;
	char *name;
	size_t i;

	if (strcmp(t->value, "unsure") == 0 || strcmp(t->value, "ok") == 0)
		return JUAN_OK;
	if (parse_doubt_find(t->value, &code)) {
		name = strdup(parse_doubt_name(code));
		if (!name)
			return JUAN_ENOMEM;
		free(t->value);
		t->value = name;
		return JUAN_OK;
	}
	fail(p, voff, "parse:%s is not a parse state (parse: unsure, ok",
	     t->value);
	for (i = 0; i < PARSE_NDOUBT_CODES && p->err; i++) {
		size_t used = strlen(p->err->message);

		snprintf(p->err->message + used,
			 sizeof(p->err->message) - used, ", %s",
			 parse_doubt_name((enum parse_doubt_code)i));
	}
	if (p->err) {
		size_t used = strlen(p->err->message);

		snprintf(p->err->message + used,
			 sizeof(p->err->message) - used, ")");
	}
	return JUAN_EINVAL;
}

/* The number at s ("0.9", "1", ".5" not: a digit first), whatever the
 * locale's decimal point, into *v; false when s is not all of one. */
static bool
read_number(const char *s, double *v)
{
	double scale = 1;

	*v = 0;
	if (*s < '0' || *s > '9')
		return false;
	while (*s >= '0' && *s <= '9')
		*v = *v * 10 + (*s++ - '0');
	if (*s == '.' && s[1] >= '0' && s[1] <= '9')
		for (s++; *s >= '0' && *s <= '9'; s++)
			*v += (*s - '0') * (scale /= 10);
	return *s == '\0';
}

/* The comparisons of a confidence bound, longest first. */
static const struct {
	const char *op;
	enum qlang_cmp cmp;
} cmps[] = {
	{">=", QLANG_CMP_GE}, {"<=", QLANG_CMP_LE},
	{">", QLANG_CMP_GT},  {"<", QLANG_CMP_LT},
};

/* The bound of a suggested: value (after its theme, where an operator
 * starts) or a confidence: value (all of it) into t->cmp and t->bound;
 * the theme stays in t->value. */
static enum juan_status
parse_bound(struct parser *p, struct qlang_term *t, size_t voff)
{
	char *at = strpbrk(t->value, "<>");
	size_t i, n = 0;
	double v;

	if (!at) {
		if (t->field == QLANG_SUGGESTED)
			return JUAN_OK;
		return fail(p, voff, "confidence:%s needs a bound: "
			    "confidence:>=0.9 (>=, >, <= or <)", t->value);
	}
	if (t->field == QLANG_CONFIDENCE ? at != t->value : at == t->value)
		return fail(p, voff, "%s:%s: write %s", field_names[t->field],
			    t->value, t->field == QLANG_CONFIDENCE ?
			    "confidence:>=0.9" : "suggested:THEME>=0.9");
	for (i = 0; i < sizeof(cmps) / sizeof(cmps[0]); i++) {
		n = strlen(cmps[i].op);
		if (strncmp(at, cmps[i].op, n) == 0)
			break;
	}
	if (!read_number(at + n, &v) || v > 1)
		return fail(p, voff + (size_t)(at - t->value), "%s is not a "
			    "confidence: a number from 0 to 1 after >=, >, <= "
			    "or <", at);
	t->cmp = cmps[i].cmp;
	t->bound = v;
	*at = '\0';
	return JUAN_OK;
}

/* Checks the value of a field term that takes one of a few words. */
static enum juan_status
check_value(struct parser *p, struct qlang_term *t, size_t voff)
{
	static const char *const states[] = {"untagged", "tagged", "unsure",
					     "none", "todo"};
	size_t i;

	switch (t->field) {
	case QLANG_STATE:
		for (i = 0; i < sizeof(states) / sizeof(states[0]); i++)
			if (strcmp(t->value, states[i]) == 0)
				return JUAN_OK;
		return fail(p, voff, "state:%s is not a state (states: "
			    STATE_LIST ")", t->value);
	case QLANG_YEAR:
	case QLANG_DATE:
		return parse_dates(p, t, voff);
	case QLANG_PARSE:
		return parse_state(p, t, voff);
	case QLANG_SUGGESTED:
	case QLANG_CONFIDENCE:
		return parse_bound(p, t, voff);
	default:
		return JUAN_OK;
	}
}

/* Reads the value at p->at (a word or a quoted phrase) into t. */
static enum juan_status
read_value(struct parser *p, struct qlang_term *t)
{
	size_t start = p->at, end, close;
	const char *q;

	if (p->at < p->len && p->text[p->at] == '"') {
		q = memchr(p->text + p->at + 1, '"', p->len - p->at - 1);
		if (!q)
			return fail(p, start, "the quote here is never closed");
		close = (size_t)(q - p->text);
		t->quoted = true;
		t->value = strndup(p->text + start + 1, close - start - 1);
		p->at = close + 1;
		if (p->at < p->len && space_at(p->text, p->at) == 0)
			return fail(p, p->at, "put a space after the closing "
				    "quote");
	} else {
		end = word_end(p, p->at);
		if (memchr(p->text + start, '"', end - start))
			return fail(p, start + (size_t)((const char *)memchr(
				p->text + start, '"', end - start) -
				(p->text + start)),
				"a quote inside a word: quote the whole word");
		t->value = strndup(p->text + start, end - start);
		p->at = end;
	}
	if (!t->value)
		return JUAN_ENOMEM;
	return JUAN_OK;
}

/* Reads one term at p->at (not white space, not the end) into t. */
static enum juan_status
read_term(struct parser *p, struct qlang_term *t)
{
	size_t end, colon, voff;
	const char *c;
	int f;
	enum juan_status rc;

	memset(t, 0, sizeof(*t));
	t->start = p->at;
	if (p->text[p->at] == '-') {
		t->negated = true;
		p->at++;
		if (p->at >= p->len || space_at(p->text, p->at))
			return fail(p, t->start, "'-' excludes what follows "
				    "it: put it against a word (-word)");
	}
	end = word_end(p, p->at);
	c = memchr(p->text + p->at, ':', end - p->at);
	if (p->text[p->at] != '"' && c) {
		colon = (size_t)(c - p->text);
		f = field_at(p->text, p->at, colon);
		if (f < 0)
			return fail(p, p->at, "unknown field '%.*s:' (fields: "
				    FIELD_LIST "; quote a word that holds "
				    "':')", (int)(colon - p->at),
				    p->text + p->at);
		t->field = (enum qlang_field)f;
		p->at = colon + 1;
		if (t->field == QLANG_DISAGREE &&
		    (p->at >= p->len || space_at(p->text, p->at))) {
			/* disagree: alone is disagree:any */
			t->value = strdup("any");
			t->end = p->at;
			return t->value ? JUAN_OK : JUAN_ENOMEM;
		}
		if (p->at >= p->len || space_at(p->text, p->at))
			return fail(p, t->start, "%s: needs a value",
				    field_names[f]);
	}
	voff = p->at;
	rc = read_value(p, t);
	if (rc == JUAN_OK && t->field != QLANG_TEXT && !t->value[0])
		rc = fail(p, t->start, "%s: needs a value",
			  field_names[t->field]);
	if (rc == JUAN_OK && t->field == QLANG_TEXT && t->quoted &&
	    !t->value[0])
		rc = fail(p, t->start, "an empty phrase \"\" finds nothing");
	if (rc == JUAN_OK)
		rc = check_value(p, t, voff);
	t->end = p->at;
	return rc;
}

/* Whether the next word at p->at is the operator OR. */
static bool
at_or(const struct parser *p)
{
	return p->len - p->at >= 2 && memcmp(p->text + p->at, "OR", 2) == 0 &&
	       (p->at + 2 == p->len || space_at(p->text, p->at + 2));
}

/* Appends a new, empty part starting at p->at. */
static enum juan_status
new_part(struct parser *p)
{
	struct qlang_part *parts;

	parts = array_reserve(p->out->parts, &p->part_cap, p->out->nparts + 1,
			      sizeof(*parts));
	if (!parts)
		return JUAN_ENOMEM;
	p->out->parts = parts;
	memset(&parts[p->out->nparts], 0, sizeof(*parts));
	parts[p->out->nparts].start = p->at;
	p->out->nparts++;
	p->term_cap = 0;
	return JUAN_OK;
}

/* Reads a term into the last part. */
static enum juan_status
add_term(struct parser *p)
{
	struct qlang_part *part = &p->out->parts[p->out->nparts - 1];
	struct qlang_term *terms;
	enum juan_status rc;

	terms = array_reserve(part->terms, &p->term_cap, part->nterms + 1,
			      sizeof(*terms));
	if (!terms)
		return JUAN_ENOMEM;
	part->terms = terms;
	rc = read_term(p, &terms[part->nterms]);
	if (terms[part->nterms].value || rc == JUAN_OK)
		part->nterms++;
	else
		memset(&terms[part->nterms], 0, sizeof(*terms));
	part->end = p->at;
	return rc;
}

/* scheme: once, alone in its part, not excluded. */
static enum juan_status
check_scheme(struct parser *p)
{
	const struct qlang_term *t, *seen = NULL;
	size_t i, j;

	for (i = 0; i < p->out->nparts; i++) {
		for (j = 0; j < p->out->parts[i].nterms; j++) {
			t = &p->out->parts[i].terms[j];
			if (t->field != QLANG_SCHEME)
				continue;
			if (t->negated || p->out->parts[i].nterms > 1)
				return fail(p, t->start, "scheme: chooses the "
					    "scheme of the whole query: it "
					    "cannot be excluded or ORed");
			if (seen)
				return fail(p, t->start, "a second scheme: "
					    "(a query has one scheme)");
			seen = t;
		}
	}
	return JUAN_OK;
}

/* The query must be valid UTF-8 without control characters but white
 * space: its parts are echoed in messages. */
static enum juan_status
check_plain(struct parser *p)
{
	size_t at = 0, n;
	uint32_t cp;

	while (at < p->len) {
		n = text_next(p->text + at, p->len - at, &cp);
		if (space_at(p->text, at) == 0 &&
		    !sanitize_is_plain(p->text + at, n))
			return fail(p, at, "a control character or invalid "
				    "UTF-8");
		at += n;
	}
	return JUAN_OK;
}

static enum juan_status
parse(struct parser *p)
{
	enum juan_status rc;
	size_t or_at;

	skip_space(p);
	while (p->at < p->len) {
		if (at_or(p))
			return fail(p, p->at, "OR needs a term before it");
		rc = new_part(p);
		if (rc == JUAN_OK)
			rc = add_term(p);
		while (rc == JUAN_OK) {
			skip_space(p);
			if (!at_or(p))
				break;
			or_at = p->at;
			p->at += 2;
			skip_space(p);
			if (p->at >= p->len || at_or(p))
				return fail(p, or_at, "OR needs a term after "
					    "it");
			rc = add_term(p);
		}
		if (rc != JUAN_OK)
			return rc;
	}
	return check_scheme(p);
}

enum juan_status
qlang_parse(const char *text, struct qlang *out, struct qlang_error *err)
{
	struct parser p = {0};
	enum juan_status rc;

	memset(out, 0, sizeof(*out));
	if (err)
		memset(err, 0, sizeof(*err));
	p.text = text ? text : "";
	p.len = strlen(p.text);
	p.out = out;
	p.err = err;
	if ((rc = check_plain(&p)) != JUAN_OK)
		return rc;
	rc = parse(&p);
	if (rc == JUAN_ENOMEM && err)
		snprintf(err->message, sizeof(err->message), "out of memory");
	if (rc != JUAN_OK)
		qlang_free(out);
	return rc;
}

/* ---- sort orders ----------------------------------------------------- */

static const char *const sort_names[] = {
	[SORT_DEFAULT] = "default",
	[SORT_ID] = "id",
	[SORT_DATE] = "date",
	[SORT_ISSUER] = "issuer",
	[SORT_DOCNO] = "docno",
	[SORT_TITLE] = "title",
	[SORT_THEME] = "theme",
	[SORT_STATE] = "state",
};
#define NSORTS (sizeof(sort_names) / sizeof(sort_names[0]))

enum juan_status
list_sort_parse(const char *text, struct list_sort *out, char *err,
		size_t errsize)
{
	const char *colon = text ? strchr(text, ':') : NULL;
	size_t len = colon ? (size_t)(colon - text) : (text ? strlen(text) : 0);
	size_t i;

	memset(out, 0, sizeof(*out));
	if (colon && strcmp(colon + 1, "desc") == 0)
		out->desc = true;
	else if (colon && strcmp(colon + 1, "asc") != 0)
		goto bad;
	for (i = 0; i < NSORTS; i++)
		if (strlen(sort_names[i]) == len &&
		    strncmp(text, sort_names[i], len) == 0)
			break;
	if (i == NSORTS && len == 6 && strncmp(text, "import", 6) == 0)
		i = SORT_ID;
	if (i == NSORTS && len == 9 && strncmp(text, "relevance", 9) == 0)
		i = SORT_DEFAULT;
	if (i == NSORTS)
		goto bad;
	out->key = (enum sort_key)i;
	return JUAN_OK;
bad:
	memset(out, 0, sizeof(*out));
	if (err && errsize)
		snprintf(err, errsize, "no sort order '%s' (KEY or KEY:desc, "
			 "KEY one of: default, id, date, issuer, docno, title,"
			 " theme, state)", text ? text : "");
	return JUAN_EINVAL;
}

const char *
list_sort_format(const struct list_sort *sort, char *buf, size_t size)
{
	const char *name = (unsigned)sort->key < NSORTS ?
		sort_names[sort->key] : "default";

	snprintf(buf, size, "%s%s", name, sort->desc ? ":desc" : "");
	return buf;
}
