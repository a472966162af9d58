/* cmd_sync: `juan sync export -o FILE`, `juan sync import FILE...` and
 * `juan sync status` — a team's codings exchanged as changeset files
 * (sync.h) through any channel (a shared folder, e-mail, git); never a
 * socket. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/clock.h"
#include "juan/coders.h"
#include "juan/store.h"
#include "juan/sync.h"

enum { OPT_SINCE = 256, OPT_SCHEME };

static const char about[] =
	"`export` writes to FILE this store's own codings (main theme,\n"
	"secondary themes, state and note of each document and scheme, by\n"
	"document hash and by names) and history made since the last export\n"
	"to that FILE (everything the first time): a SQLite session changeset.\n"
	"--since ID starts after history row ID (`juan history` shows them; 0:\n"
	"everything), --since DATE (YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS],\n"
	"local time) with the rows made from then on.\n"
	"`import` applies each FILE, in one transaction each (all of it or\n"
	"nothing), to the codings of other coders kept in this store: this\n"
	"store's own codings never change.  A row newer than the one here\n"
	"replaces it, an older one is dropped, so files may come in any order\n"
	"and twice.  A scheme or theme this store lacks is created (the theme\n"
	"retired); codings of documents not imported yet wait for them.\n"
	"`status` lists the coders of the active scheme (or --scheme NAME):\n"
	"this store's and those whose files were imported, a name two stores\n"
	"share shown as NAME#ID-PREFIX.\n";

/* Prints "FILE: " to stdout, the name quoted as `ls` quotes it. */
static void
put_file(const char *path)
{
	cmd_put_name(path, stdout);
	fputs(": ", stdout);
}

static int
parse_since(const char *arg, struct sync_since *since)
{
	int64_t id;

	if (strcmp(arg, "0") == 0) {
		since->kind = SYNC_SINCE_ID;
		since->id = 0;
	} else if (cmd_parse_id(arg, &id)) {
		since->kind = SYNC_SINCE_ID;
		since->id = id;
	} else if (clock_parse_local(arg, since->time, sizeof(since->time))) {
		since->kind = SYNC_SINCE_TIME;
	} else {
		return cmd_usage("sync", "--since '%s': give a history row "
				 "number or a date (YYYY-MM-DD, or "
				 "YYYY-MM-DDTHH:MM[:SS])", arg);
	}
	return CMD_OK;
}

static int
run_export(struct cmd *c, const struct cmd_args *a)
{
	const char *path = cmd_args_get(a, 'o');
	const char *arg = cmd_args_get(a, OPT_SINCE);
	struct sync_since since = { .kind = SYNC_SINCE_LAST };
	struct sync_export_result res;
	enum juan_status st;
	struct store *s;
	int rc;

	if (a->argc != 1)
		return cmd_usage("sync", "export takes no operand");
	if (!path || !*path)
		return cmd_usage("sync", "export needs -o FILE");
	if (arg && (rc = parse_since(arg, &since)) != CMD_OK)
		return rc;
	if (!(s = cmd_store(c)))
		return CMD_FAIL;
	st = sync_export(s, path, &since, &res);
	if (st != JUAN_OK) {
		cmd_error("%s", store_error(s));
		return CMD_FAIL;
	}
	put_file(path);
	printf("%ld codings and %ld history rows of store %s (history "
	       "after %lld up to %lld)\n", res.codings, res.history, res.uid,
	       (long long)res.first, (long long)res.last);
	return CMD_OK;
}

/* Prints what the import of path did. */
static void
report(const char *path, const struct sync_import_result *r)
{
	char *flat;

	put_file(path);
	if (r->own) {
		printf("made by this store; skipped\n");
		return;
	}
	for (size_t i = 0; i < r->ncoders; i++) {
		flat = cmd_flat(r->coders[i][0] ? r->coders[i] : "(none)");
		printf("%s%s", i ? ", " : "", flat ? flat : "");
		free(flat);
	}
	printf("%sof store %s: %ld codings (%ld new, %ld updated, %ld "
	       "unchanged or older), %ld history rows (%ld new)\n",
	       r->ncoders ? " " : "", r->uid, r->codings, r->added,
	       r->replaced, r->kept, r->history, r->history_added);
	for (size_t i = 0; i < r->ncreated; i++) {
		char *scheme = cmd_flat(r->created[i].scheme);

		flat = cmd_flat(r->created[i].theme);
		put_file(path);
		if (r->created[i].theme)
			printf("created theme \"%s\" in scheme \"%s\", retired "
			       "(loading the scheme's file gives it a key)\n",
			       flat ? flat : "", scheme ? scheme : "");
		else
			printf("created scheme \"%s\"\n", scheme ? scheme : "");
		free(scheme);
		free(flat);
	}
	if (r->other_corpus) {
		put_file(path);
		printf("warning: no document in common with this store (a "
		       "file of another corpus? its store had %ld documents); "
		       "its codings are kept and join their documents if they "
		       "are imported\n", r->docs);
	} else if (r->pending) {
		put_file(path);
		printf("%ld codings wait for documents not imported (they "
		       "join them when `juan import` reads them)\n", r->pending);
	}
}

static int
run_import(struct cmd *c, const struct cmd_args *a)
{
	struct sync_import_result res;
	enum juan_status st;
	struct store *s;
	int rc = CMD_OK;

	if (a->argc < 2)
		return cmd_usage("sync", "import needs one FILE or more");
	if (!(s = cmd_store(c)))
		return CMD_FAIL;
	for (int i = 1; i < a->argc; i++) {
		st = sync_import(s, a->argv[i], &res);
		if (st == JUAN_OK) {
			report(a->argv[i], &res);
		} else {
			cmd_error("%s", store_error(s));
			rc = CMD_FAIL;
		}
		sync_import_result_clear(&res);
	}
	return rc;
}

static int
run_status(struct cmd *c, const struct cmd_args *a)
{
	struct coder_list l = { 0 };
	enum juan_status st;
	struct store *s;
	int64_t scheme;
	int rc;

	if (a->argc != 1)
		return cmd_usage("sync", "status takes no operand");
	if (!(s = cmd_store(c)))
		return CMD_FAIL;
	rc = cmd_scheme(s, cmd_args_get(a, OPT_SCHEME), &scheme);
	if (rc != CMD_OK)
		return rc;
	st = coders_list(s, scheme, &l);
	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		coder_list_free(&l);
		return CMD_FAIL;
	}
	cmd_put_cell("CODER", 16, false, stdout);
	printf("  %-16s  %7s  %7s\n", "STORE", "CODINGS", "PENDING");
	for (size_t i = 0; i < l.n; i++) {
		cmd_put_cell(l.v[i].display, 16, false, stdout);
		printf("  %-16s  %7ld  %7ld%s\n", l.v[i].uid, l.v[i].count,
		       l.v[i].pending, l.v[i].is_self ? "  this store" : "");
	}
	coder_list_free(&l);
	return CMD_OK;
}

static int
run(struct cmd *c, const struct cmd_args *a)
{
	const char *what = a->argc > 0 ? a->argv[0] : "";

	if (strcmp(what, "export") == 0)
		return run_export(c, a);
	if (strcmp(what, "import") == 0)
		return run_import(c, a);
	if (strcmp(what, "status") == 0)
		return run_status(c, a);
	return cmd_usage("sync", "give export, import or status");
}

static const struct cmd_option options[] = {
	{"output", 'o', "FILE", "export: the changeset file to write"},
	{"since", OPT_SINCE, "ID|DATE",
	 "export: the history after row ID (0: all), or from\n"
	 "DATE on, instead of since the last export to FILE"},
	{"scheme", OPT_SCHEME, "NAME",
	 "status: the coders of scheme NAME (default: the active one)"},
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_sync_entry = {
	.name = "sync",
	.summary = "exchange codings with other coders' stores as files",
	.usage = "export [--since ID|DATE] -o FILE\nimport FILE...\n"
		 "status [--scheme NAME]",
	.about = about,
	.options = options,
	.run = run,
};
