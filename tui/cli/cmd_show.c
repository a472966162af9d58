/* cmd_show: `juan show ID` — one document's metadata, its theme and its
 * outline. */
#include <stdio.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/sanitize.h"
#include "juan/store.h"
#include "juan/text.h"

/* Prints "label  value", the values of show starting at column 12; the
 * value passes the sanitiser as one line. */
static void
show_field(const char *label, const char *value)
{
	int pad = 11 - text_width(label, strlen(label));

	if (!*value) {
		printf("%s\n", label);
		return;
	}
	printf("%s%*s", label, pad > 1 ? pad : 1, "");
	sanitize_puts(value, SANITIZE_LINE, stdout);
	putchar('\n');
}

static int
run(struct cmd *c, const struct cmd_args *a)
{
	struct doc_info info = {0};
	struct section *secs = NULL;
	size_t nsecs = 0, i;
	char theme[256];
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
		snprintf(theme, sizeof(theme), "%s (key %c, tagged %s UTC)",
			 info.theme_name, info.theme_key, info.tagged_at);
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
	show_field("theme", theme);
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
	.about = "Shows a document's metadata, its theme and its outline.\n",
	.run = run,
};
