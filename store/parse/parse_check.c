/* parse_check: why a parse is unsure (doc_doubts) — no title, a long body
 * without headings, headings skipped as a table of contents, a numbering
 * with a gap or a repeat, a docno-like line that is not the docno. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "juan/text.h"
#include "parse_private.h"

/* A body longer than this without one heading is worth a look. */
#define LONG_BODY 3000
/* Docno-like lines are looked for in this many bytes from the text's
 * start: the head and the document's first lines, where the docno stands. */
#define DOCNO_SCAN 4096
#define DETAIL_MAX 256

struct doubts {
	struct parse_doubt *v;
	size_t n;
	size_t cap;
};

static const char *const doubt_names[] = {
	[PARSE_NO_TITLE] = "no-title",
	[PARSE_NO_HEADINGS] = "no-headings",
	[PARSE_TOC_SKIPPED] = "toc-skipped",
	[PARSE_NUMBERING] = "numbering",
	[PARSE_DOCNO_UNTAKEN] = "docno-untaken",
	[PARSE_MOJIBAKE_REPAIRED] = "mojibake-repaired",
};

const char *
parse_doubt_name(enum parse_doubt_code code)
{
	if ((size_t)code >= sizeof(doubt_names) / sizeof(doubt_names[0]))
		return "unknown";
	return doubt_names[code];
}

/* Whether name spells code's name, with or without its dashes. */
static bool
same_name(const char *name, const char *code)
{
	const char *c = code;

	if (strcmp(name, code) == 0)
		return true;
	for (; *name; name++, c++) {
		while (*c == '-')
			c++;
		if (*name != *c || *name == '-')
			return false;
	}
	return *c == '\0';
}

bool
parse_doubt_find(const char *name, enum parse_doubt_code *code)
{
	size_t i;

	for (i = 0; i < PARSE_NDOUBT_CODES; i++)
		if (same_name(name, doubt_names[i])) {
			*code = (enum parse_doubt_code)i;
			return true;
		}
	return false;
}

static bool
add(struct doubts *d, enum parse_doubt_code code, const char *fmt, ...)
{
	struct parse_doubt *grown;
	char buf[DETAIL_MAX];
	va_list ap;

	grown = array_reserve(d->v, &d->cap, d->n + 1, sizeof(*grown));
	if (grown == NULL)
		return false;
	d->v = grown;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	d->v[d->n].code = code;
	d->v[d->n].detail = strdup(buf);
	if (d->v[d->n].detail == NULL)
		return false;
	d->n++;
	return true;
}

/* The number a section's label carries (3 for 三、 （三） 3. 1.3), and
 * its family in *family (rank and form: 一、 and the decimal 1 share a
 * rank); -1 for a question or a label the body does not hold at its start. */
static long
label_value(const char *body, size_t len, const struct section *s,
	    int *family)
{
	struct label lb;

	if (s->start >= len)
		return -1;
	if (parse_decimal_at(body, len, s->start, &lb) ||
	    parse_label_at(body, len, s->start, &lb)) {
		*family = lb.rank * 4 + (int)lb.form;
		return lb.value;
	}
	return -1;
}

/* Siblings of one family under one parent count 1, 2, 3: reports the
 * first place where one skips a number or says one again. */
static bool
check_numbering(struct doubts *d, const char *body, size_t len,
		const struct doc *doc)
{
	struct {
		int rank; /* the label's family, -1: none yet */
		long value;
		size_t index;
	} last[10];
	const struct section *s, *prev;
	size_t i;
	long v;
	int lv, k, family = 0;

	for (k = 0; k < 10; k++)
		last[k].rank = -1;
	for (i = 0; i < doc->nsections; i++) {
		s = &doc->sections[i];
		lv = s->level < 1 ? 1 : s->level > 9 ? 9 : s->level;
		for (k = lv + 1; k < 10; k++)
			last[k].rank = -1;
		v = label_value(body, len, s, &family);
		if (v < 0) {
			last[lv].rank = -1;
			continue;
		}
		if (last[lv].rank == family && v != last[lv].value + 1) {
			prev = &doc->sections[last[lv].index];
			return add(d, PARSE_NUMBERING, "%s %s %s (level %d)",
				   s->label ? s->label : "",
				   v <= last[lv].value ?
				   "repeats or goes back after" :
				   "skips a number after",
				   prev->label ? prev->label : "", lv);
		}
		last[lv].rank = family;
		last[lv].value = v;
		last[lv].index = i;
	}
	return true;
}

static bool
is_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* The most Han characters of a docno's abbreviation (国办函). */
#define DOCNO_HAN 8

/* Length of a docno at s[p..end): Han characters, a bracketed year
 * (〔2011〕 ［2011］ [2011] （2011）), digits and 号; 0 when none. */
static size_t
docno_at(const char *s, size_t end, size_t p)
{
	size_t q = p, n;
	uint32_t cp;
	int han = 0, digits = 0;

	while (q < end) {
		n = text_next(s + q, end - q, &cp);
		if (!text_is_han(cp))
			break;
		han++;
		q += n;
	}
	if (han == 0 || han > DOCNO_HAN || q >= end)
		return 0;
	q += text_next(s + q, end - q, &cp);
	if (cp != 0x3014 && cp != 0xFF3B && cp != '[' && cp != 0xFF08)
		return 0;
	while (q < end && (n = text_next(s + q, end - q, &cp)) && is_digit(cp))
		q += n, digits++;
	if (digits != 4 || q >= end)
		return 0;
	q += text_next(s + q, end - q, &cp);
	if (cp != 0x3015 && cp != 0xFF3D && cp != ']' && cp != 0xFF09)
		return 0;
	digits = 0;
	while (q < end && (n = text_next(s + q, end - q, &cp)) && is_digit(cp))
		q += n, digits++;
	if (digits == 0 || q >= end || !parse_has(s, end, q, "号"))
		return 0;
	return q + 3 - p;
}

/* A line near the start that holds nothing but a docno, while the parse
 * took another docno or none. */
static bool
check_docno(struct doubts *d, const char *text, size_t len,
	    const struct doc *doc)
{
	size_t p = 0, e, ts, te, n, scan = len < DOCNO_SCAN ? len : DOCNO_SCAN;
	const char *docno = doc->meta.docno ? doc->meta.docno : "";

	while (p < scan) {
		e = p;
		while (e < len && text[e] != '\n')
			e++;
		ts = parse_skip_space(text, e, p);
		te = parse_rtrim(text, ts, e);
		n = docno_at(text, te, ts);
		if (n > 0 && ts + n == te &&
		    (strlen(docno) != n ||
		     memcmp(docno, text + ts, n) != 0)) {
			if (docno[0] == '\0')
				return add(d, PARSE_DOCNO_UNTAKEN,
					   "%.*s on a line of its own, no docno "
					   "taken", (int)n, text + ts);
			return add(d, PARSE_DOCNO_UNTAKEN,
				   "%.*s on a line of its own, docno taken: %s",
				   (int)n, text + ts, docno);
		}
		p = e + 1;
	}
	return true;
}

enum juan_status
doc_doubts(const char *text, size_t len, const struct doc *doc,
	   const char *repaired, struct parse_doubt **out, size_t *n)
{
	struct doubts d = { NULL, 0, 0 };
	const char *body;
	size_t body_len;

	*out = NULL;
	*n = 0;
	if (text == NULL)
		len = 0;
	if (doc->head_len + doc->body_len > len)
		goto repair;
	body = text ? text + doc->head_len : "";
	body_len = doc->body_len;
	if ((doc->meta.title == NULL || doc->meta.title[0] == '\0') &&
	    !add(&d, PARSE_NO_TITLE, "no title line found"))
		goto nomem;
	if (doc->nsections == 0 && body_len > LONG_BODY &&
	    !add(&d, PARSE_NO_HEADINGS, "no heading in %zu characters",
		 parse_chars(body, 0, body_len)))
		goto nomem;
	if (doc->toc_skipped > 0 &&
	    !add(&d, PARSE_TOC_SKIPPED,
		 "%zu heading%s skipped as a table of contents",
		 doc->toc_skipped, doc->toc_skipped == 1 ? "" : "s"))
		goto nomem;
	if (!check_numbering(&d, body, body_len, doc))
		goto nomem;
	if (text != NULL && !check_docno(&d, text, len, doc))
		goto nomem;
repair:
	if (repaired != NULL && repaired[0] != '\0' &&
	    !add(&d, PARSE_MOJIBAKE_REPAIRED, "%s", repaired))
		goto nomem;
	*out = d.v;
	*n = d.n;
	return JUAN_OK;
nomem:
	parse_doubts_free(&d.v, d.n);
	return JUAN_ENOMEM;
}

void
parse_doubts_free(struct parse_doubt **v, size_t n)
{
	size_t i;

	if (v == NULL || *v == NULL)
		return;
	for (i = 0; i < n; i++)
		free((*v)[i].detail);
	free(*v);
	*v = NULL;
}

/* Appends s[0..len) to b at *used, each TAB and line break a space when
 * flat; b has room. */
static void
append(char *b, size_t *used, const char *s, size_t len, bool flat)
{
	size_t i;

	for (i = 0; i < len; i++)
		b[(*used)++] = flat && (s[i] == '\t' || s[i] == '\n' ||
					s[i] == '\r') ? ' ' : s[i];
}

char *
parse_doubts_join(const struct parse_doubt *v, size_t n)
{
	size_t size = 1, used = 0, i;
	const char *name;
	char *b;

	for (i = 0; i < n; i++)
		size += strlen(parse_doubt_name(v[i].code)) +
			strlen(v[i].detail ? v[i].detail : "") + 2;
	b = malloc(size);
	if (b == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		name = parse_doubt_name(v[i].code);
		if (i > 0)
			b[used++] = '\n';
		append(b, &used, name, strlen(name), false);
		b[used++] = '\t';
		if (v[i].detail != NULL)
			append(b, &used, v[i].detail, strlen(v[i].detail),
			       true);
	}
	b[used] = '\0';
	return b;
}

char *
doc_doubts_joined(const char *text, size_t len, const struct doc *d,
		  const char *repaired)
{
	struct parse_doubt *v;
	size_t n;
	char *joined;

	if (doc_doubts(text, len, d, repaired, &v, &n) != JUAN_OK)
		return NULL;
	joined = parse_doubts_join(v, n);
	parse_doubts_free(&v, n);
	return joined;
}

char *
parse_doubts_line(const char *joined)
{
	size_t len = joined ? strlen(joined) : 0, lines = 1, used = 0, i;
	const char *p, *tab;
	char *b;

	for (i = 0; i < len; i++)
		lines += joined[i] == '\n';
	b = malloc(len + 4 * lines + 1);
	if (b == NULL)
		return NULL;
	for (p = joined; len > 0 && p != NULL;) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (used > 0)
			append(b, &used, "; ", 2, false);
		tab = memchr(p, '\t', n);
		if (tab == NULL) {
			append(b, &used, p, n, true);
		} else {
			append(b, &used, p, (size_t)(tab - p), true);
			if (tab + 1 < p + n) {
				append(b, &used, " (", 2, false);
				append(b, &used, tab + 1,
				       (size_t)(p + n - tab - 1), true);
				b[used++] = ')';
			}
		}
		p = end ? end + 1 : NULL;
	}
	b[used] = '\0';
	return b;
}
