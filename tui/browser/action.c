/* action: names and help texts from the action list. */
#include <string.h>

#include "juan/browser/action.h"

static const char *const names[] = {
#define ACTION_NAME(id, name, help) name,
	ACTION_LIST(ACTION_NAME)
#undef ACTION_NAME
};

static const char *const helps[] = {
#define ACTION_HELP(id, name, help) help,
	ACTION_LIST(ACTION_HELP)
#undef ACTION_HELP
};

const char *
action_name(enum action a)
{
	return a >= 0 && a < ACT_COUNT ? names[a] : "";
}

const char *
action_help(enum action a)
{
	return a >= 0 && a < ACT_COUNT ? helps[a] : "";
}

enum action
action_find(const char *name)
{
	int i;

	for (i = 0; i < ACT_COUNT; i++)
		if (strcmp(names[i], name) == 0)
			return (enum action)i;
	return ACT_NONE;
}
