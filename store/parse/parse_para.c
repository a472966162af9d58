/* parse_para: where the body's paragraphs start and end (OUTLINE.md,
 * "Paragraphs", rules 1 and 2).  Rules 3 and 4, which find headings inside
 * a paragraph, belong to parse_outline.c. */
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "juan/text.h"
#include "parse_private.h"

struct paras {
	struct para *v;
	size_t n;
	size_t cap;
};

static bool
add(struct paras *ps, const char *s, size_t start, size_t end,
    bool line_start, bool line_end)
{
	struct para *v;

	end = parse_rtrim(s, start, end);
	if (end <= start)
		return true;
	v = array_reserve(ps->v, &ps->cap, ps->n + 1, sizeof *v);
	if (!v)
		return false;
	ps->v = v;
	ps->v[ps->n].start = start;
	ps->v[ps->n].end = end;
	ps->v[ps->n].line_start = line_start;
	ps->v[ps->n].line_end = line_end;
	ps->n++;
	return true;
}

/* Whether the whitespace run [rs, q) spaces out the letters of a short
 * title (总　　则, 国  务  院) instead of separating paragraphs: a Han
 * character of a piece of at most two on each side. */
static bool
letter_spacing(const char *s, size_t rs, size_t q, size_t le,
    size_t piece_before)
{
	uint32_t cp;
	size_t k, n;

	if (piece_before == 0 || piece_before > 2)
		return false;
	parse_prev(s, rs, &cp);
	if (!text_is_han(cp))
		return false;
	for (k = 0; k < 3 && q < le; k++) {
		n = text_next(s + q, le - q, &cp);
		if (text_is_space(cp))
			break;
		if (k == 0 && !text_is_han(cp))
			return false;
		q += n;
	}
	return k >= 1 && k <= 2;
}

static bool
split_line(struct paras *ps, const char *s, size_t ls, size_t le)
{
	size_t start, q, rs, n, run, piece = 0;
	bool line_start = true;
	uint32_t cp;

	start = parse_skip_space(s, le, ls);
	if (parse_find(s, start, le, CH_IDEOSPACE) >= le)
		return add(ps, s, start, le, true, true);
	q = start;
	while (q < le) {
		n = text_next(s + q, le - q, &cp);
		if (!text_is_space(cp)) {
			q += n;
			piece++;
			continue;
		}
		rs = q;
		run = 0;
		while (q < le) {
			n = text_next(s + q, le - q, &cp);
			if (!text_is_space(cp))
				break;
			q += n;
			run++;
		}
		if (q >= le)
			break;
		if (run >= 2 && !letter_spacing(s, rs, q, le, piece)) {
			if (!add(ps, s, start, rs, line_start, false))
				return false;
			start = q;
			line_start = false;
		}
		piece = 0;
	}
	return add(ps, s, start, le, line_start, true);
}

enum juan_status
parse_paragraphs(const char *s, size_t len, struct para **out, size_t *n)
{
	struct paras ps = { NULL, 0, 0 };
	const char *nl;
	size_t ls = 0, le;

	while (ls < len) {
		nl = memchr(s + ls, '\n', len - ls);
		le = nl ? (size_t)(nl - s) : len;
		if (!split_line(&ps, s, ls, le)) {
			free(ps.v);
			*out = NULL;
			*n = 0;
			return JUAN_ENOMEM;
		}
		ls = le + 1;
	}
	*out = ps.v;
	*n = ps.n;
	return JUAN_OK;
}
