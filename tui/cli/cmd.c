/* cmd: running a command — finding its entry in a table, its options
 * parsed with getopt_long from the entry, then its run function. */
#include <assert.h>
#include <string.h>

#include "juan/cli/cmd.h"

const struct cmd_entry *
cmd_find(const struct cmd_entry *const *table, const char *name)
{
	size_t i;

	for (i = 0; table[i]; i++)
		if (strcmp(table[i]->name, name) == 0)
			return table[i];
	return NULL;
}

/* The index in e->options of the option with this key, or -1. */
static int
option_index(const struct cmd_entry *e, int key)
{
	int i;

	for (i = 0; e->options && e->options[i].name; i++)
		if (e->options[i].key == key)
			return i;
	return -1;
}

/* The getopt_long tables for e: longs (CMD_MAX_OPTIONS + 2 slots) and
 * shorts (3 * CMD_MAX_OPTIONS + 3 bytes), with -h and --help unless e has
 * them. */
static void
getopt_tables(const struct cmd_entry *e, struct option *longs, char *shorts)
{
	const struct cmd_option *o;
	size_t n = 0;
	char *p = shorts;

	*p++ = ':';
	for (o = e->options; o && o->name; o++) {
		assert(n < CMD_MAX_OPTIONS);
		longs[n++] = (struct option){o->name, o->arg ? required_argument
						      : no_argument,
					     NULL, o->key};
		if (o->key < 256) {
			*p++ = (char)o->key;
			if (o->arg)
				*p++ = ':';
		}
	}
	if (option_index(e, 'h') < 0) {
		longs[n++] = (struct option){"help", no_argument, NULL, 'h'};
		*p++ = 'h';
	}
	longs[n] = (struct option){NULL, 0, NULL, 0};
	*p = '\0';
}

int
cmd_run(const struct cmd_entry *e, struct cmd *c, int argc, char **argv)
{
	struct option longs[CMD_MAX_OPTIONS + 2];
	char shorts[3 * CMD_MAX_OPTIONS + 3];
	struct cmd_args a = {.entry = e};
	int opt, i;

	getopt_tables(e, longs, shorts);
	cmd_getopt_reset();
	while ((opt = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		i = option_index(e, opt);
		if (i >= 0) {
			a.value[i] = optarg ? optarg : "";
			a.count[i]++;
		} else if (opt == 'h') {
			cmd_print_usage(e, stdout);
			return CMD_OK;
		} else {
			return cmd_bad_option(e->name, opt, argv, longs);
		}
	}
	a.argc = argc - optind;
	a.argv = argv + optind;
	return e->run(c, &a);
}

const char *
cmd_args_get(const struct cmd_args *a, int key)
{
	int i = option_index(a->entry, key);

	return i >= 0 ? a->value[i] : NULL;
}

int
cmd_args_count(const struct cmd_args *a, int key)
{
	int i = option_index(a->entry, key);

	return i >= 0 ? a->count[i] : 0;
}
