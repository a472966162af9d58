/* cmd_query: what the commands that take a QUERY share — the query from
 * the words of the command line, its errors shown with a caret under the
 * problem, and --sort. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/qlang.h"
#include "juan/store.h"
#include "juan/text.h"

char *
cmd_query_join(const struct cmd_args *a, int first)
{
	size_t len = 1;
	char *out;
	int i;

	for (i = first; i < a->argc; i++)
		len += strlen(a->argv[i]) + 1;
	if (!(out = malloc(len)))
		return NULL;
	out[0] = '\0';
	for (i = first; i < a->argc; i++) {
		if (i > first)
			strcat(out, " ");
		strcat(out, a->argv[i]);
	}
	return out;
}

int
cmd_query_check(const char *cmd, const char *query, struct qlang *out)
{
	struct qlang_error err;
	struct qlang parsed;
	char *flat;
	int col;

	if (qlang_parse(query, &parsed, &err) == JUAN_OK) {
		if (out)
			*out = parsed;
		else
			qlang_free(&parsed);
		return CMD_OK;
	}
	cmd_error("%s: query: %s", cmd, err.message);
	flat = cmd_flat(query);
	if (flat) {
		col = text_width(flat, err.offset <= strlen(flat) ? err.offset
							: strlen(flat));
		fprintf(stderr, "  %s\n  %*s^\n", flat, col, "");
	}
	free(flat);
	return CMD_USAGE;
}

int
cmd_sort(const char *cmd, const char *arg, struct list_sort *out)
{
	char err[200];

	memset(out, 0, sizeof(*out));
	if (!arg)
		return CMD_OK;
	if (list_sort_parse(arg, out, err, sizeof(err)) != JUAN_OK) {
		char *flat = cmd_flat(err);

		cmd_usage(cmd, "--sort: %s", flat ? flat : "bad sort order");
		free(flat);
		return CMD_USAGE;
	}
	return CMD_OK;
}

int
cmd_query_failed(struct store *s, enum juan_status st)
{
	cmd_store_error(s, st);
	return st == JUAN_EINVAL || st == JUAN_ENOTFOUND ? CMD_USAGE
							 : CMD_FAIL;
}
