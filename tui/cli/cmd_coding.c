/* cmd_coding: what the commands that code documents share — the scheme a
 * --scheme option names, the coder of the changes, a state by name, and the
 * text of a value made safe to print. */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "juan/cli/cmd.h"
#include "juan/path.h"
#include "juan/store.h"

int
cmd_scheme(struct store *s, const char *name, int64_t *id)
{
	enum juan_status st;

	*id = 0;
	st = name ? store_scheme_id(s, name, id) : store_scheme_active(s, id);
	if (st == JUAN_OK)
		return CMD_OK;
	if (name && st == JUAN_ENOTFOUND) {
		cmd_error("%s", store_error(s));
		return CMD_USAGE;
	}
	cmd_store_error(s, st);
	return CMD_FAIL;
}

/* The name on a line `coder NAME` of the config file, into buf; false when
 * there is no such line (or no file). */
static bool
config_coder(char *buf, size_t size)
{
	char *path = path_xdg("XDG_CONFIG_HOME", ".config", "juan/config");
	char line[512], *p, *end;
	bool found = false;
	FILE *f;

	f = path ? fopen(path, "r") : NULL;
	free(path);
	if (!f)
		return false;
	while (fgets(line, sizeof(line), f)) {
		p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncmp(p, "coder", 5) != 0 || (p[5] != ' ' && p[5] != '\t'))
			continue;
		p += 5;
		while (*p == ' ' || *p == '\t')
			p++;
		end = p + strlen(p);
		while (end > p && (end[-1] == '\n' || end[-1] == '\r' ||
				   end[-1] == ' ' || end[-1] == '\t'))
			end--;
		*end = '\0';
		snprintf(buf, size, "%s", p);
		found = true;
	}
	fclose(f);
	return found;
}

int
cmd_coder(struct store *s, const char *option)
{
	const char *env = getenv("JUAN_CODER");
	const char *from = "--coder";
	struct passwd *pw;
	char buf[256];
	const char *name = option;

	if (!name && env && *env) {
		name = env;
		from = "JUAN_CODER";
	}
	if (!name && config_coder(buf, sizeof(buf))) {
		name = buf;
		from = "the config file's coder line";
	}
	if (!name) {
		pw = getpwuid(getuid());
		name = pw ? pw->pw_name : "";
		from = "the login name";
	}
	if (store_set_coder(s, name) == JUAN_OK)
		return CMD_OK;
	cmd_error("%s: %s", from, store_error(s));
	return CMD_USAGE;
}

int
cmd_state(const char *cmd, const char *name, enum tag_state *st)
{
	if (strcmp(name, "") != 0 && tag_state_parse(name, st) == JUAN_OK)
		return CMD_OK;
	return cmd_usage(cmd, "unknown state '%s' (states: none, unsure, "
			 "clear)", name);
}

char *
cmd_flat(const char *s)
{
	char *copy = strdup(s ? s : ""), *p;

	if (!copy)
		return NULL;
	for (p = copy; *p; p++)
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			*p = ' ';
	return copy;
}
