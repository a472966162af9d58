/* fuzz_query: libFuzzer target for the search query path without a store —
 * a query tokenized into terms (struct query) and matched against a text by
 * search_text_hits(), the one matcher.  The input is "QUERY\nTEXT" (no
 * newline: the query alone, matched against itself).  Checks the contract
 * of include/juan/search.h: spans sorted, apart, inside the text, on
 * character boundaries. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "juan/search.h"
#include "juan/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* True when off is where a character of s[0..len) starts, or len: as
 * text_next() walks it (a malformed byte is a character of its own). */
static int
on_boundary(const char *s, size_t len, size_t off)
{
	size_t i = 0;
	uint32_t cp;

	while (i < off)
		i += text_next(s + i, len - i, &cp);
	return i == off;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nl = memchr(data, '\n', size);
	struct text_span *spans = NULL;
	size_t qlen = nl ? (size_t)(nl - (const char *)data) : size;
	const char *text = nl ? nl + 1 : (const char *)data;
	size_t tlen = nl ? size - qlen - 1 : size, n = 0, i;
	char *query = malloc(qlen + 1);

	if (!query)
		return 0;
	memcpy(query, data, qlen);
	query[qlen] = '\0'; /* an embedded NUL ends the query early: fine */
	if (search_text_hits(text, tlen, query, &spans, &n) != JUAN_OK)
		abort();
	for (i = 0; i < n; i++) {
		if (spans[i].len == 0 || spans[i].off + spans[i].len > tlen)
			abort();
		if (i > 0 && spans[i].off < spans[i - 1].off + spans[i - 1].len)
			abort();
		if (!on_boundary(text, tlen, spans[i].off) ||
		    !on_boundary(text, tlen, spans[i].off + spans[i].len))
			abort();
	}
	free(spans);
	free(query);
	return 0;
}
