/* cmd_suggest: `juan suggest [ID...|QUERY]` — the themes juan proposes for
 * documents (the untagged ones of the scheme when neither is given), each
 * with its confidence and reason; `juan suggest --evaluate` — how often
 * they would have been right on the scheme's own tags. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/export.h"
#include "juan/store.h"
#include "juan/suggest.h"

enum { OPT_SCHEME = 256, OPT_TOP, OPT_FORMAT, OPT_EVALUATE };

enum format { FORMAT_TABLE, FORMAT_TSV, FORMAT_JSONL };

/* Width of the title column of the table. */
#define TITLE_COLS 30

/* The note of the previous document, printed to stderr only when it
 * changes. */
struct out {
	enum format format;
	char note[160];
};

static void
print_table(struct store *s, int64_t doc, const struct suggest_list *l)
{
	struct doc_info info = {0};
	char *title = NULL, *name;
	size_t i;

	if (store_doc_info(s, doc, &info) == JUAN_OK)
		title = cmd_flat(info.title);
	doc_info_clear(&info);
	printf("%-6lld ", (long long)doc);
	cmd_put_cell(title ? title : "", TITLE_COLS, false, stdout);
	free(title);
	fputs("  ", stdout);
	if (l->n == 0)
		fputs("-", stdout);
	for (i = 0; i < l->n; i++) {
		name = cmd_flat(l->items[i].name);
		printf("%s%s %.2f %s", i ? " · " : "", name ? name : "",
		       l->items[i].confidence, l->items[i].reason);
		free(name);
	}
	putchar('\n');
}

static void
print_tsv(int64_t doc, const struct suggest_list *l)
{
	size_t i;
	char *name;

	for (i = 0; i < l->n; i++) {
		name = cmd_flat(l->items[i].name);
		printf("%lld\t%zu\t%s\t%.3f\t%s\t%s\n", (long long)doc, i + 1,
		       name ? name : "", l->items[i].confidence,
		       suggest_source_name(l->items[i].source),
		       l->items[i].reason);
		free(name);
	}
}

static void
print_jsonl(int64_t doc, const struct suggest_list *l)
{
	size_t i;

	printf("{\"id\":%lld,\"suggestions\":[", (long long)doc);
	for (i = 0; i < l->n; i++) {
		printf("%s{\"theme\":", i ? "," : "");
		export_json_string(stdout, l->items[i].name,
				   strlen(l->items[i].name));
		printf(",\"confidence\":%.3f,\"source\":\"%s\",\"reason\":",
		       l->items[i].confidence,
		       suggest_source_name(l->items[i].source));
		export_json_string(stdout, l->items[i].reason,
				   strlen(l->items[i].reason));
		putchar('}');
	}
	fputs("],\"note\":", stdout);
	export_json_string(stdout, l->note, strlen(l->note));
	fputs("}\n", stdout);
}

static int
suggest_one(struct store *s, const struct suggester *g, int64_t doc,
	    size_t k, struct out *o)
{
	struct suggest_list l;
	enum juan_status st = suggest_doc(s, g, doc, k, &l);

	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		return CMD_FAIL;
	}
	if (o->format != FORMAT_JSONL && l.note[0] &&
	    strcmp(l.note, o->note) != 0) {
		fflush(stdout);
		cmd_error("suggest: %s", l.note);
	}
	memcpy(o->note, l.note, sizeof(o->note));
	if (o->format == FORMAT_TABLE)
		print_table(s, doc, &l);
	else if (o->format == FORMAT_TSV)
		print_tsv(doc, &l);
	else
		print_jsonl(doc, &l);
	suggest_list_clear(&l);
	return CMD_OK;
}

static void
print_score(const char *what, const struct suggest_score *sc)
{
	double n = sc->docs ? (double)sc->docs : 1;

	printf("%-22s %6ld %11.2f %11.2f %10.2f %11ld\n", what, sc->docs,
	       sc->top1 / n, sc->top3 / n, sc->covered / n, sc->keys_saved);
}

static int
evaluate(struct store *s, int64_t scheme)
{
	struct suggest_eval e;
	enum juan_status st = suggest_evaluate(s, scheme, &e);
	char *name = NULL;

	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		return CMD_FAIL;
	}
	if (store_scheme_name(s, scheme, &name) == JUAN_OK) {
		char *flat = cmd_flat(name);

		printf("scheme %s: %ld tagged documents\n", flat ? flat : "",
		       e.tags);
		free(flat);
	}
	free(name);
	printf("%-22s %6s %11s %11s %10s %11s\n", "", "docs", "accuracy@1",
	       "accuracy@3", "suggested", "keys saved");
	print_score("replay (tag order)", &e.replay);
	if (e.folds >= 2) {
		char what[32];

		snprintf(what, sizeof(what), "%d-fold cross-valid.", e.folds);
		print_score(what, &e.cv);
	}
	return CMD_OK;
}

static int
parse_top(const char *arg, size_t *k)
{
	char *end;
	long v;

	if (!arg)
		return CMD_OK;
	v = strtol(arg, &end, 10);
	if (*arg < '0' || *arg > '9' || *end || v < 1 || v > 100)
		return cmd_usage("suggest", "--top takes a number from 1 to 100, "
				 "not '%s'", arg);
	*k = (size_t)v;
	return CMD_OK;
}

static int
run(struct cmd *c, const struct cmd_args *a)
{
	const char *format = cmd_args_get(a, OPT_FORMAT);
	struct out o = {FORMAT_TABLE, ""};
	struct suggester *g = NULL;
	struct list_query q = {0};
	int64_t scheme, *ids = NULL, id;
	size_t k = 3, n = 0, i;
	enum juan_status st;
	struct store *s;
	char *query = NULL;
	bool by_id = true;
	int rc, j;

	if (format && strcmp(format, "tsv") == 0)
		o.format = FORMAT_TSV;
	else if (format && strcmp(format, "jsonl") == 0)
		o.format = FORMAT_JSONL;
	else if (format && strcmp(format, "table") != 0)
		return cmd_usage("suggest", "unknown format '%s' for --format "
				 "(table, tsv or jsonl)", format);
	if ((rc = parse_top(cmd_args_get(a, OPT_TOP), &k)) != CMD_OK)
		return rc;
	for (j = 0; j < a->argc; j++)
		by_id = by_id && cmd_parse_id(a->argv[j], &id);
	if (cmd_args_count(a, OPT_EVALUATE) && (a->argc || format))
		return cmd_usage("suggest", "--evaluate takes only --scheme");
	if (!by_id) {
		if (!(query = cmd_query_join(a, 0))) {
			cmd_error("suggest: out of memory");
			return CMD_FAIL;
		}
		if ((rc = cmd_query_check("suggest", query, NULL)) != CMD_OK)
			goto done;
	}
	rc = CMD_FAIL;
	if (!(s = cmd_store(c)))
		goto done;
	if ((rc = cmd_scheme(s, cmd_args_get(a, OPT_SCHEME), &scheme)) != CMD_OK)
		goto done;
	if (cmd_args_count(a, OPT_EVALUATE)) {
		rc = evaluate(s, scheme);
		goto done;
	}
	rc = CMD_FAIL;
	if ((st = suggester_open(s, scheme, true, &g)) != JUAN_OK) {
		cmd_store_error(s, st);
		goto done;
	}
	if (a->argc == 0 || query) {
		q.untagged = !query;
		q.query = query;
		q.scheme = scheme;
		if ((st = store_list_ids(s, &q, &ids, &n)) != JUAN_OK) {
			rc = cmd_query_failed(s, st);
			goto done;
		}
	}
	rc = CMD_OK;
	for (j = 0; by_id && j < a->argc && rc == CMD_OK; j++) {
		cmd_parse_id(a->argv[j], &id);
		rc = suggest_one(s, g, id, k, &o);
	}
	for (i = 0; i < n && rc == CMD_OK; i++)
		rc = suggest_one(s, g, ids[i], k, &o);
done:
	free(query);
	free(ids);
	suggester_free(&g);
	return rc;
}

static const struct cmd_option options[] = {
	{"scheme", OPT_SCHEME, "NAME",
	 "suggest themes of this scheme (default: the active one)"},
	{"top", OPT_TOP, "K", "at most K suggestions a document (default 3)"},
	{"format", OPT_FORMAT, "table|tsv|jsonl",
	 "table: id, title, then theme, confidence and reason\n"
	 "tsv: id, rank, theme, confidence, source, reason\n"
	 "jsonl: one object a document, with the note"},
	{"evaluate", OPT_EVALUATE, NULL,
	 "replay the scheme's tags in the order they were made\n"
	 "and cross-validate: accuracy@1, @3, the share that\n"
	 "got a suggestion, keystrokes saved"},
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_suggest_entry = {
	.name = "suggest",
	.summary = "suggest themes (from the 主题分类, your tags, the themes' words)",
	.usage = "[ID...|QUERY] [--scheme NAME] [--top K] "
		 "[--format table|tsv|jsonl]\n"
		 "--evaluate [--scheme NAME]",
	.about = "Suggests the main theme of documents (those QUERY lists, or "
		 "the untagged\nones when neither IDs nor a QUERY is given): "
		 "first from the publisher's\n主题分类 when it names a theme, "
		 "then from a model trained on the scheme's\ntags (retrained "
		 "when they changed), or, before any tag, from the themes'\n"
		 "own words (a weak guess).  Nothing is tagged.  A note on "
		 "stderr says when\na source gave way.  In a QUERY, "
		 "suggested:THEME and confidence:>=0.9 select\nby the saved "
		 "model's top suggestion (see QUERIES in juan(1)).\n",
	.options = options,
	.run = run,
};
