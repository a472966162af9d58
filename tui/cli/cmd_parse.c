/* cmd_parse: `juan parse --outline|--meta FILE` — the parse of one file, in
 * the TSV formats of store/OUTLINE.md — and `juan parse --check FILE…`, what
 * the parser decided for each file and why it is unsure; without opening the
 * store. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/sanitize.h"
#include "juan/file.h"
#include "juan/decode.h"
#include "juan/parse.h"

enum { OPT_OUTLINE = 256, OPT_META, OPT_CHECK };

/* Reads, decodes and parses path: *text (its length in *text_len) and *d,
 * both caller frees.  Returns JUAN_OK with what the decoder said of a
 * repair in why[0..size) ("" for none: decode_text()), or a failure with
 * the reason written there. */
static enum juan_status
read_parse(const char *path, char **text, size_t *text_len, struct doc **d,
	   char *why, size_t size)
{
	char *bytes = NULL, reason[256] = "";
	size_t len;
	enum juan_status st;

	*text = NULL;
	*d = NULL;
	if (file_read(path, &bytes, &len) != JUAN_OK) {
		snprintf(why, size, "%s", strerror(errno));
		return JUAN_EIO;
	}
	st = decode_text(bytes, len, text, text_len, NULL, reason,
			 sizeof(reason));
	free(bytes);
	if (st == JUAN_ENOTTEXT) {
		snprintf(why, size, "not a text document (%s)", reason);
		return st;
	}
	if (st == JUAN_OK) {
		snprintf(why, size, "%s", reason);
		st = doc_parse(*text, *text_len, d);
	}
	if (st != JUAN_OK) {
		free(*text);
		*text = NULL;
		snprintf(why, size, "%s", juan_strstatus(st));
	}
	return st;
}

/* Writes out[0..len) to stdout through the sanitiser: the TABs and line
 * breaks are the format, anything else is data.  0, or -1 after saying so. */
static int
put_out(const char *out, size_t len)
{
	if (sanitize_write(out, len, SANITIZE_TEXT, stdout) != 0 ||
	    fflush(stdout) != 0) {
		cmd_error("stdout: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* The deepest level of d's outline. */
static int
outline_depth(const struct doc *d)
{
	size_t i;
	int depth = 0;

	for (i = 0; i < d->nsections; i++)
		if (d->sections[i].level > depth)
			depth = d->sections[i].level;
	return depth;
}

/* One file's block of --check on mem; counts its doubts into count[] and
 * returns 1 when it is unsure, 0 when not, -1 when it cannot be read (the
 * block says why), -2 when out of memory. */
static int
check_one(const char *path, FILE *mem, size_t count[], size_t ncodes)
{
	struct parse_doubt *v = NULL;
	struct doc *d = NULL;
	char *text = NULL, why[512] = "";
	size_t text_len = 0, n = 0, i;
	int rc;

	cmd_put_name(path, mem);
	if (read_parse(path, &text, &text_len, &d, why, sizeof(why)) !=
	    JUAN_OK) {
		fprintf(mem, ": unreadable\n  error\t%s\n", why);
		return -1;
	}
	if (doc_doubts(text, text_len, d, why, &v, &n) != JUAN_OK) {
		rc = -2;
		goto done;
	}
	fprintf(mem, ": %s\n", n > 0 ? "unsure" : "ok");
	fprintf(mem, "  title\t%s\n  issuer\t%s\n  date\t%s\n  docno\t%s\n",
		d->meta.title, d->meta.issuer, d->meta.date, d->meta.docno);
	fprintf(mem, "  outline\t%zu heading%s in %d level%s\n", d->nsections,
		d->nsections == 1 ? "" : "s", outline_depth(d),
		outline_depth(d) == 1 ? "" : "s");
	for (i = 0; i < n; i++) {
		fprintf(mem, "  unsure\t%s\t%s\n", parse_doubt_name(v[i].code),
			v[i].detail);
		if ((size_t)v[i].code < ncodes)
			count[v[i].code]++;
	}
	rc = n > 0;
done:
	parse_doubts_free(&v, n);
	doc_free(&d);
	free(text);
	return rc;
}

/* juan parse --check FILE…: a block per file, then a summary line.  Exit
 * status 0 when every file was read and none is unsure, else 1. */
static int
check(const struct cmd_args *a)
{
	size_t count[PARSE_NDOUBT_CODES] = { 0 };
	size_t ncodes = sizeof(count) / sizeof(count[0]);
	size_t unsure = 0, unreadable = 0, out_len = 0, i;
	const char *sep;
	char *out = NULL;
	FILE *mem;
	int r, rc = CMD_OK;

	for (i = 0; i < (size_t)a->argc; i++) {
		mem = open_memstream(&out, &out_len);
		if (!mem) {
			cmd_error("%s", juan_strstatus(JUAN_ENOMEM));
			return CMD_FAIL;
		}
		if (i > 0)
			fputc('\n', mem);
		r = check_one(a->argv[i], mem, count, ncodes);
		if (fclose(mem) != 0 || r == -2) {
			free(out);
			cmd_error("%s", juan_strstatus(JUAN_ENOMEM));
			return CMD_FAIL;
		}
		unsure += r == 1;
		unreadable += r == -1;
		r = put_out(out, out_len);
		free(out);
		out = NULL;
		if (r != 0)
			return CMD_FAIL;
	}
	printf("\n%d file%s: %zu ok, %zu unsure, %zu unreadable", a->argc,
	       a->argc == 1 ? "" : "s",
	       (size_t)a->argc - unsure - unreadable, unsure, unreadable);
	sep = " (";
	for (i = 0; i < ncodes; i++) {
		if (count[i] == 0)
			continue;
		printf("%s%s %zu", sep, parse_doubt_name(i), count[i]);
		sep = ", ";
	}
	printf("%s\n", sep[0] == ',' ? ")" : "");
	if (fflush(stdout) != 0) {
		cmd_error("stdout: %s", strerror(errno));
		return CMD_FAIL;
	}
	if (unsure > 0 || unreadable > 0)
		rc = CMD_FAIL;
	return rc;
}

static int
run(struct cmd *c, const struct cmd_args *a)
{
	int outline = cmd_args_count(a, OPT_OUTLINE);
	int meta = cmd_args_count(a, OPT_META);
	int checking = cmd_args_count(a, OPT_CHECK);
	char *text = NULL, *out = NULL;
	size_t out_len = 0;
	FILE *mem;
	size_t text_len;
	struct doc *d = NULL;
	char why[512] = "";
	const char *path;
	int rc = CMD_FAIL, wrote;

	(void)c;
	if (outline + meta + checking > 1)
		return cmd_usage("parse",
				 "give one of --outline, --meta and --check");
	if (outline + meta + checking == 0)
		return cmd_usage("parse", "give --outline, --meta or --check");
	if (checking)
		return a->argc < 1 ? cmd_usage("parse", "give FILEs to check")
				   : check(a);
	if (a->argc != 1)
		return cmd_usage("parse", "give one FILE");
	path = a->argv[0];
	if (read_parse(path, &text, &text_len, &d, why, sizeof(why)) !=
	    JUAN_OK) {
		cmd_file_error(path, "%s", why);
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
	if (wrote != 0) {
		cmd_error("stdout: %s", strerror(errno));
		goto done;
	}
	if (put_out(out, out_len) != 0)
		goto done;
	rc = CMD_OK;
done:
	doc_free(&d);
	free(out);
	free(text);
	return rc;
}

static const struct cmd_option options[] = {
	{"outline", OPT_OUTLINE, NULL,
	 "one line per heading: level<TAB>label<TAB>title"},
	{"meta", OPT_META, NULL,
	 "key<TAB>value lines for title, issuer, date, docno"},
	{"check", OPT_CHECK, NULL,
	 "per FILE what the parser decided and why it is unsure; exit 1 "
	 "when any is unsure or unreadable"},
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_parse_entry = {
	.name = "parse",
	.summary = "the parse of files, and why it is unsure (no store)",
	.usage = "--outline FILE\n--meta FILE\n--check FILE...",
	.about = "Prints how juan reads files, without touching the store; "
		 "--check prints a block per file (FILE: ok, unsure or "
		 "unreadable; title, issuer, date, docno, outline; one "
		 "`unsure<TAB>code<TAB>detail` line per doubt) and a "
		 "summary line:\n",
	.options = options,
	.run = run,
};
