/* cmd_show: `juan show ID` — one document's metadata, its theme and its
 * outline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/parse.h"
#include "juan/sanitize.h"
#include "juan/store.h"
#include "juan/text.h"

/* Prints "label  value", the values of show starting at column 12, the
 * value through the sanitiser as one line; an empty value only for the
 * fields every document has. */
static void
show_field(const char *label, const char *value)
{
	int pad = 11 - text_width(label, strlen(label));

	if (!*value && (strcmp(label, "state") == 0 ||
			strcmp(label, "note") == 0))
		return;
	if (!*value) {
		printf("%s\n", label);
		return;
	}
	printf("%s%*s", label, pad > 1 ? pad : 1, "");
	sanitize_puts(value, SANITIZE_LINE, stdout);
	putchar('\n');
}

/* "ok", or "unsure: " and why the parse is (parse_doubts_line()), as one
 * sanitised line. */
static int
show_parse(const struct doc_info *info)
{
	char *line = parse_doubts_line(info->doubts), *field;

	if (!line)
		return -1;
	field = malloc(strlen(line) + 16);
	if (field) {
		sprintf(field, "%s%s", line[0] ? "unsure: " : "ok", line);
		show_field("parse", field);
	}
	free(field);
	free(line);
	return field ? 0 : -1;
}

/* The secondary themes, "；"-joined, when there are any. */
static void
show_list(const char *label, const struct doc_info *info)
{
	char buf[1024];
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < info->nsecondary && len < sizeof(buf); i++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s",
					i ? "；" : "", info->secondary[i]);
	if (len)
		show_field(label, buf);
}

static int
run(struct cmd *c, const struct cmd_args *a)
{
	struct doc_info info = {0};
	struct section *secs = NULL;
	size_t nsecs = 0, i;
	char theme[512], *note;
	enum juan_status st;
	struct store *s;
	int64_t id;
	int rc = CMD_FAIL;

	if (a->argc != 1)
		return cmd_usage("show", "give one document ID");
	if (!cmd_parse_id(a->argv[0], &id))
		return cmd_usage("show", "'%s' is not a document id",
				 a->argv[0]);
	s = cmd_store(c);
	if (!s)
		return CMD_FAIL;
	st = store_doc_info(s, id, &info);
	if (st == JUAN_OK)
		st = store_doc_sections(s, id, &secs, &nsecs);
	if (st == JUAN_ENOTFOUND) {
		cmd_error("document %lld: no such document", (long long)id);
		goto done;
	}
	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		goto done;
	}
	if (info.theme_id)
		snprintf(theme, sizeof(theme), "%s (%s%c, tagged %s UTC%s%s)",
			 info.theme_name, info.theme_retired ? "retired; key " :
			 "key ", info.theme_retired ? '-' : info.theme_key,
			 info.tagged_at, *info.coder ? " by " : "", info.coder);
	else
		snprintf(theme, sizeof(theme), "(none)");
	printf("id%*s%lld\n", 9, "", (long long)info.id);
	show_field("title", info.title);
	show_field("issuer", info.issuer);
	show_field("docno", info.docno);
	show_field("date", info.date);
	show_field("published", info.published);
	show_field("topic", info.topic);
	show_field("source", info.source);
	show_field("path", info.path);
	if (show_parse(&info) != 0) {
		cmd_error("%s", juan_strstatus(JUAN_ENOMEM));
		goto done;
	}
	show_field("theme", theme);
	show_list("secondary", &info);
	show_field("state", tag_state_name(info.state));
	note = cmd_flat(info.note);
	show_field("note", note ? note : "");
	free(note);
	printf("outline%s\n", nsecs ? "" : "    (no headings)");
	for (i = 0; i < nsecs; i++) {
		printf("%*s", 2 * secs[i].level, "");
		sanitize_puts(secs[i].label, SANITIZE_LINE, stdout);
		putchar(' ');
		sanitize_puts(secs[i].title, SANITIZE_LINE, stdout);
		putchar('\n');
	}
	rc = CMD_OK;
done:
	sections_free(secs, nsecs);
	doc_info_clear(&info);
	return rc;
}

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.summary = "a document's metadata and outline",
	.usage = "ID",
	.about = "Shows a document's metadata, whether its parse is unsure "
		 "and why (as\n`juan parse --check` says; parse: in a query), "
		 "its tags in the active scheme\n(main and secondary themes, "
		 "state), its note and its outline.\n",
	.run = run,
};
