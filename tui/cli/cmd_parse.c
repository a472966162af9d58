/* cmd_parse: `juan parse --outline|--meta FILE` — the parse of one file, in
 * the TSV formats of store/OUTLINE.md, without opening the store. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/sanitize.h"
#include "juan/file.h"
#include "juan/decode.h"
#include "juan/parse.h"

enum { OPT_OUTLINE = 256, OPT_META };

static int
run(struct cmd *c, const struct cmd_args *a)
{
	int outline = cmd_args_count(a, OPT_OUTLINE);
	int meta = cmd_args_count(a, OPT_META);
	char *bytes = NULL, *text = NULL, *out = NULL;
	size_t out_len = 0;
	FILE *mem;
	size_t len, text_len;
	struct doc *d = NULL;
	char why[256] = "";
	enum juan_status st;
	const char *path;
	int rc = CMD_FAIL, wrote;

	(void)c;
	if (outline + meta > 1)
		return cmd_usage("parse", "give one of --outline and --meta");
	if (outline + meta == 0)
		return cmd_usage("parse", "give --outline or --meta");
	if (a->argc != 1)
		return cmd_usage("parse", "give one FILE");
	path = a->argv[0];
	if (file_read(path, &bytes, &len) != JUAN_OK) {
		cmd_file_error(path, "%s", strerror(errno));
		goto done;
	}
	st = decode_text(bytes, len, &text, &text_len, NULL, why, sizeof(why));
	if (st == JUAN_ENOTTEXT) {
		cmd_file_error(path, "not a text document (%s)", why);
		goto done;
	}
	if (st == JUAN_OK)
		st = doc_parse(text, text_len, &d);
	if (st != JUAN_OK) {
		cmd_file_error(path, "%s", juan_strstatus(st));
		goto done;
	}
	/* printed into memory, then to stdout through the sanitiser: the
	 * TABs and line breaks are the format, anything else is data */
	mem = open_memstream(&out, &out_len);
	if (!mem) {
		cmd_error("%s", juan_strstatus(JUAN_ENOMEM));
		goto done;
	}
	if (outline)
		wrote = doc_print_outline(d, mem);
	else
		wrote = doc_print_meta(d, mem);
	if (fclose(mem) != 0)
		wrote = -1;
	if (wrote == 0)
		wrote = sanitize_write(out, out_len, SANITIZE_TEXT, stdout);
	if (wrote != 0) {
		cmd_error("stdout: %s", strerror(errno));
		goto done;
	}
	rc = CMD_OK;
done:
	doc_free(&d);
	free(out);
	free(text);
	free(bytes);
	return rc;
}

static const struct cmd_option options[] = {
	{"outline", OPT_OUTLINE, NULL,
	 "one line per heading: level<TAB>label<TAB>title"},
	{"meta", OPT_META, NULL,
	 "key<TAB>value lines for title, issuer, date, docno"},
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_parse_entry = {
	.name = "parse",
	.summary = "the parse of one file (no store)",
	.usage = "--outline FILE\n--meta FILE",
	.about = "Prints how juan reads one file, without touching the "
		 "store:\n",
	.options = options,
	.run = run,
};
