/* cmd_history: `juan history [ID]` — the change log, oldest first: the
 * local time with its UTC offset, the coder, the document, the scheme, what
 * changed from → to, and the coding it adopted, if any. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/clock.h"
#include "juan/store.h"
#include "juan/text.h"

enum { OPT_CODER = 256, OPT_SINCE, OPT_SCHEME };

struct print_ctx {
	struct store *s;
	long rows;
};

/* One row: when, coder, document (id and the start of its title),
 * scheme, what changed (and how: undo, redo), from → to. */
static int
print_row(const struct history_entry *e, void *ctx)
{
	struct print_ctx *p = ctx;
	struct doc_info info = {0};
	char when[40], what[40];
	char *title = NULL, *cut = NULL;
	char *from = cmd_flat(e->old_value), *to = cmd_flat(e->new_value);
	char *coder = cmd_flat(e->coder), *scheme = cmd_flat(e->scheme);
	char *source = cmd_flat(e->source);

	clock_iso_local(e->at, when, sizeof(when));
	if (e->doc && store_doc_info(p->s, e->doc, &info) == JUAN_OK)
		title = cmd_flat(info.title);
	doc_info_clear(&info);
	if (title)
		cut = text_truncate(title, strlen(title), 16);
	snprintf(what, sizeof(what), "%s%s%s", e->field,
		 strcmp(e->op, "tag") == 0 && !e->accepted ? "" : " ",
		 strcmp(e->op, "tag") != 0 ? e->op
		 : e->accepted ? "accepted" : "");
	if (e->doc)
		printf("%s  %s  %lld %s  %s  %s  %s → %s%s%s%s\n", when,
		       coder && *coder ? coder : "?", (long long)e->doc,
		       cut ? cut : "", scheme && *scheme ? scheme : "-", what,
		       from && *from ? from : "（无）",
		       to && *to ? to : "（无）",
		       source && *source ? "  (from " : "",
		       source ? source : "", source && *source ? ")" : "");
	else
		printf("%s  %s  -  %s  %s  %s → %s\n", when,
		       coder && *coder ? coder : "?", scheme ? scheme : "",
		       what, from && *from ? from : "（无）",
		       to && *to ? to : "（无）");
	free(title);
	free(cut);
	free(from);
	free(to);
	free(coder);
	free(scheme);
	free(source);
	p->rows++;
	return 0;
}

/* CMD_OK when the history names coder; else CMD_USAGE after listing the
 * coders it names. */
static int
known_coder(struct store *s, const char *coder)
{
	char **names = NULL, list[1024] = "";
	size_t n = 0, i, len = 0;
	enum juan_status st = store_coders(s, &names, &n);
	bool found = false;

	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		return CMD_FAIL;
	}
	for (i = 0; i < n; i++) {
		found = found || strcmp(names[i], coder) == 0;
		if (len < sizeof(list))
			len += (size_t)snprintf(list + len, sizeof(list) - len,
						"%s%s", i ? ", " : "",
						names[i]);
		free(names[i]);
	}
	free(names);
	if (found)
		return CMD_OK;
	return cmd_usage("history", "no change by coder '%s' (coders: %s)",
			 coder, n ? list : "none");
}

static int
run(struct cmd *c, const struct cmd_args *a)
{
	struct history_filter f = {0};
	struct print_ctx p = {0};
	const char *since = cmd_args_get(a, OPT_SINCE);
	const char *scheme = cmd_args_get(a, OPT_SCHEME);
	char since_buf[32];
	enum juan_status st;
	int64_t id;
	int rc;

	if (a->argc > 1)
		return cmd_usage("history", "give at most one document ID");
	if (a->argc == 1 && !cmd_parse_id(a->argv[0], &f.doc))
		return cmd_usage("history", "'%s' is not a document id",
				 a->argv[0]);
	if (since && !clock_parse_local(since, since_buf, sizeof(since_buf)))
		return cmd_usage("history", "--since '%s' is not a date "
				 "(YYYY-MM-DD or YYYY-MM-DDTHH:MM, local time)",
				 since);
	f.since = since ? since_buf : NULL;
	f.coder = cmd_args_get(a, OPT_CODER);
	p.s = cmd_store(c);
	if (!p.s)
		return CMD_FAIL;
	if (scheme) {
		rc = cmd_scheme(p.s, scheme, &id);
		if (rc != CMD_OK)
			return rc;
		f.scheme = scheme;
	}
	if (f.coder && (rc = known_coder(p.s, f.coder)) != CMD_OK)
		return rc;
	st = store_history(p.s, &f, print_row, &p);
	if (st != JUAN_OK) {
		cmd_store_error(p.s, st);
		return CMD_FAIL;
	}
	return CMD_OK;
}

static const struct cmd_option options[] = {
	{"coder", OPT_CODER, "NAME", "only the changes NAME made"},
	{"since", OPT_SINCE, "DATE",
	 "only the changes at or after DATE (YYYY-MM-DD or\n"
	 "YYYY-MM-DDTHH:MM, local time)"},
	{"scheme", OPT_SCHEME, "NAME", "only the changes in this scheme"},
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_history_entry = {
	.name = "history",
	.summary = "list the changes: who changed what, when",
	.usage = "[ID] [--coder NAME] [--since DATE] [--scheme NAME]",
	.about = "Lists the changes of document ID (or of every document), "
		 "oldest first:\nthe local time with its UTC offset, the coder, "
		 "the document, the\nscheme, what changed (theme, secondary, "
		 "state, note, scheme; undo\nand redo say so) and its value "
		 "before → after.\n",
	.options = options,
	.run = run,
};
