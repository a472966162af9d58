/* cmd_note: `juan note ID [TEXT]` — reads or sets a document's note (one
 * paragraph; "" removes it), a change in the history like any other. */
#include <stdio.h>
#include <stdlib.h>

#include "juan/cli/cmd.h"
#include "juan/store.h"

enum { OPT_CODER = 256 };

static int
run(struct cmd *c, const struct cmd_args *a)
{
	struct doc_info info = {0};
	enum juan_status st;
	struct store *s;
	char *note = NULL, *flat;
	int64_t id;
	int rc;

	if (a->argc != 1 && a->argc != 2)
		return cmd_usage("note", "give a document ID and, to set it, "
				 "the TEXT");
	if (!cmd_parse_id(a->argv[0], &id))
		return cmd_usage("note", "'%s' is not a document id",
				 a->argv[0]);
	s = cmd_store(c);
	if (!s)
		return CMD_FAIL;
	if (a->argc == 2) {
		rc = cmd_coder(s, cmd_args_get(a, OPT_CODER));
		if (rc != CMD_OK)
			return rc;
		st = store_set_note(s, id, a->argv[1]);
		if (st == JUAN_EINVAL) {
			cmd_error("note: %s", store_error(s));
			return CMD_USAGE;
		}
	} else {
		st = store_doc_info(s, id, &info);
		doc_info_clear(&info);
		if (st == JUAN_OK)
			st = store_note(s, id, &note);
	}
	if (st == JUAN_ENOTFOUND) {
		cmd_error("document %lld: no such document", (long long)id);
		return CMD_FAIL;
	}
	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		return CMD_FAIL;
	}
	if (note && *note) {
		flat = cmd_flat(note);
		printf("%s\n", flat ? flat : "");
		free(flat);
	}
	free(note);
	return CMD_OK;
}

static const struct cmd_option options[] = {
	{"coder", OPT_CODER, "NAME",
	 "record the change as NAME's (default: $JUAN_CODER,\n"
	 "the config file's coder line, the login name)"},
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_note_entry = {
	.name = "note",
	.summary = "read or set a document's note",
	.usage = "ID [TEXT] [--coder NAME]",
	.about = "Prints the note of document ID, or sets it to TEXT (one "
		 "paragraph;\n\"\" removes it).  Setting it is a change in the "
		 "history.\n",
	.options = options,
	.run = run,
};
