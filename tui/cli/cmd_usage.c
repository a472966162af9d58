/* cmd_usage: writing one command's usage from its entry — `juan NAME
 * --help` and `juan help NAME` — and the line splitting the help shares. */
#include <stdio.h>
#include <string.h>

#include "juan/cli/cmd.h"

/* A usage line of `juan NAME --help` breaks before this column. */
#define USAGE_WIDTH 72

const char *
cmd_next_line(const char **rest, size_t *len)
{
	const char *line = *rest, *nl;

	if (!line)
		return NULL;
	nl = strchr(line, '\n');
	*len = nl ? (size_t)(nl - line) : strlen(line);
	*rest = nl ? nl + 1 : NULL;
	return line;
}

/* Writes one form of e after "usage: juan NAME " or its indent: broken
 * between bracketed groups to stay within USAGE_WIDTH, the next line
 * indented to the column where the form began. */
static void
put_form(const char *form, size_t len, int indent, FILE *out)
{
	size_t start = 0, end, i;
	int depth, col = indent;

	while (start < len) {
		/* the next word, with the brackets around it */
		depth = 0;
		for (end = start; end < len; end++) {
			if (form[end] == '[')
				depth++;
			else if (form[end] == ']')
				depth--;
			else if (form[end] == ' ' && depth == 0)
				break;
		}
		if (col > indent && col + 1 + (int)(end - start) > USAGE_WIDTH) {
			fprintf(out, "\n%*s", indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', out);
			col++;
		}
		for (i = start; i < end; i++)
			fputc(form[i], out);
		col += (int)(end - start);
		start = end + 1;
	}
	fputc('\n', out);
}

/* "-o, --output FILE" for option o, into buf. */
static int
option_label(const struct cmd_option *o, char *buf, size_t size)
{
	char shortname[8] = "";

	if (o->key < 256)
		snprintf(shortname, sizeof(shortname), "-%c, ", o->key);
	return snprintf(buf, size, "%s--%s%s%s", shortname, o->name,
			o->arg ? " " : "", o->arg ? o->arg : "");
}

void
cmd_print_usage(const struct cmd_entry *e, FILE *out)
{
	const struct cmd_option *o;
	const char *rest, *form, *line;
	char label[64];
	int indent = (int)strlen("usage: juan ") + (int)strlen(e->name) + 1;
	int w, labelw = 0;
	size_t len;

	for (rest = e->usage; (form = cmd_next_line(&rest, &len));) {
		fprintf(out, "%s juan %s%s", form == e->usage ? "usage:" :
			"      ", e->name, len > 0 ? " " : "");
		put_form(form, len, indent, out);
	}
	fprintf(out, "\n%s", e->about);
	for (o = e->options; o && o->name; o++) {
		w = option_label(o, label, sizeof(label));
		if (o->help && w > labelw)
			labelw = w;
	}
	for (o = e->options; o && o->name; o++) {
		if (!o->help)
			continue;
		option_label(o, label, sizeof(label));
		for (rest = o->help; (line = cmd_next_line(&rest, &len));)
			fprintf(out, "  %-*s  %.*s\n", labelw,
				line == o->help ? label : "", (int)len, line);
	}
}
