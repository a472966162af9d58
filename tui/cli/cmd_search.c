/* cmd_search: `juan search QUERY [--limit N]` — ranked hits with a snippet,
 * the hit in bold on a terminal and between 【】 elsewhere. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/sanitize.h"
#include "juan/search.h"
#include "juan/text.h"
#include "juan/store.h"

static const char about[] =
	"Searches the titles and texts of every document; prints the best hits\n"
	"first: id, title and a snippet with the hit marked.  Chinese words of\n"
	"any length work; words separated by spaces must all match.  QUERY is\n"
	"the language of juan list (QUERIES in juan(1)): fields narrow it, but\n"
	"it needs a word to search for.\n";

#define DEFAULT_LIMIT 20

/* The hits come back between these marks: bytes that valid UTF-8, and so
 * no stored text, ever holds, so that a document cannot fake a mark. */
#define MARK_OPEN "\xFE"
#define MARK_CLOSE "\xFF"

/* s on one line through the sanitiser, each marked hit in bold on a
 * terminal (styled), else between 【】. */
static void
put_flat(const char *s, bool styled)
{
	size_t n;

	for (;;) {
		n = strcspn(s, MARK_OPEN MARK_CLOSE);
		sanitize_write(s, n, SANITIZE_LINE, stdout);
		if (!s[n])
			break;
		if (s[n] == MARK_OPEN[0])
			fputs(styled ? "\033[1m" : "【", stdout);
		else
			fputs(styled ? "\033[0m" : "】", stdout);
		s += n + 1;
	}
}

static int
run(struct cmd *c, const struct cmd_args *a)
{
	const char *limit_arg = cmd_args_get(a, 'n');
	struct search_hit *hits = NULL;
	struct doc_info info = {0};
	size_t n = 0, i, limit = DEFAULT_LIMIT;
	bool styled = cmd_stdout_styled();
	enum juan_status st;
	struct store *s;
	char idbuf[24], *query;
	int64_t *ids = NULL;
	size_t nids = 0;
	int w, idw = 1;
	char *end;
	long v;

	if (limit_arg) {
		errno = 0;
		v = strtol(limit_arg, &end, 10);
		if (errno || end == limit_arg || *end || v < 0)
			return cmd_usage("search", "--limit needs a number, "
					 "not '%s'", limit_arg);
		limit = (size_t)v;
	}
	if (a->argc < 1)
		return cmd_usage("search", "give a QUERY");
	if (!(query = cmd_query_join(a, 0))) {
		cmd_error("%s", juan_strstatus(JUAN_ENOMEM));
		return CMD_FAIL;
	}
	if (text_is_blank(query, strlen(query))) {
		free(query);
		return cmd_usage("search", "the QUERY is empty");
	}
	if (cmd_query_check("search", query, NULL) != CMD_OK) {
		free(query);
		return CMD_USAGE;
	}
	s = cmd_store(c);
	if (!s) {
		free(query);
		return CMD_FAIL;
	}
	st = store_query_ids(s, query, NULL, &ids, &nids);
	if (st == JUAN_OK)
		st = search_query_hits(s, query, ids, nids, limit, MARK_OPEN,
				       MARK_CLOSE, &hits, &n);
	free(ids);
	free(query);
	if (st != JUAN_OK)
		return cmd_query_failed(s, st);
	for (i = 0; i < n; i++) {
		w = snprintf(idbuf, sizeof(idbuf), "%lld",
			     (long long)hits[i].id);
		if (w > idw)
			idw = w;
	}
	for (i = 0; i < n; i++) {
		printf("%*lld  ", idw, (long long)hits[i].id);
		/* a document without a title goes by its path, as in list */
		if (!hits[i].title[0] &&
		    store_doc_info(s, hits[i].id, &info) == JUAN_OK)
			put_flat(info.path, styled);
		else
			put_flat(hits[i].title, styled);
		doc_info_clear(&info);
		printf("\n%*s", idw + 2, "");
		put_flat(hits[i].snippet, styled);
		putchar('\n');
	}
	search_hits_free(hits, n);
	return CMD_OK;
}

static const struct cmd_option options[] = {
	{"limit", 'n', "N", "at most N hits (default 20; 0: every hit)"},
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_search_entry = {
	.name = "search",
	.summary = "full-text search, best hits first",
	.usage = "QUERY... [--limit N]",
	.about = about,
	.options = options,
	.run = run,
};
