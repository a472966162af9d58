/* fuzz_import: libFuzzer target for what import does to a file's bytes —
 * decode, parse, print the parse, say why it is unsure — and for wrapping
 * the text as the browser does (numbers and docnos kept whole).  Built and run by `make fuzz` (clang), not by `make test`; the
 * invariants it checks are the parser's contract in include/juan/parse.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/decode.h"
#include "juan/parse.h"
#include "juan/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;
	struct text_line *lines = NULL;
	struct parse_doubt *doubts = NULL;
	struct doc *d = NULL;
	char *text = NULL, *joined, *line, why[256];
	size_t len = 0, i, n, ndoubts = 0;

	if (!sink && !(sink = fopen("/dev/null", "w")))
		abort();
	if (decode_text(data, size, &text, &len, NULL, why, sizeof why) !=
	    JUAN_OK)
		return 0;
	if (doc_parse(text, len, &d) != JUAN_OK)
		abort();
	if (d->head_len + d->body_len + d->tail_len != len)
		abort();
	for (i = 0; i < d->nsections; i++) {
		const struct section *sec = &d->sections[i];

		if (sec->level < 1 || sec->start > sec->end ||
		    sec->end > d->body_len)
			abort();
	}
	doc_print_outline(d, sink);
	doc_print_meta(d, sink);
	if (doc_doubts(text, len, d, why, &doubts, &ndoubts) != JUAN_OK)
		abort();
	for (i = 0; i < ndoubts; i++)
		if (doubts[i].detail == NULL ||
		    parse_doubt_name(doubts[i].code)[0] == 'u')
			abort();
	/* as stored: one line per doubt; as shown: one line */
	joined = parse_doubts_join(doubts, ndoubts);
	line = parse_doubts_line(joined);
	if (!joined || !line || (ndoubts == 0) != (joined[0] == '\0') ||
	    strchr(line, '\n') || strchr(line, '\t'))
		abort();
	for (i = 0, n = 0; joined[i]; i++)
		n += joined[i] == '\n';
	if (ndoubts > 0 && n != ndoubts - 1)
		abort();
	free(line);
	free(joined);
	parse_doubts_free(&doubts, ndoubts);
	n = text_wrap(text, len, 37, &lines);
	if (n == (size_t)-1)
		abort();
	for (i = 0; i < n; i++)
		if (lines[i].width > 37 || lines[i].off + lines[i].len > len)
			abort();
	free(lines);
	doc_free(&d);
	free(text);
	return 0;
}
