/* element: the names of the screen's elements, for `color` lines. */
#include <string.h>

#include "juan/browser/draw.h"

static const char *const names[] = {
#define ELEMENT_NAME(id, name) name,
	ELEMENT_LIST(ELEMENT_NAME)
#undef ELEMENT_NAME
};

const char *
element_name(enum element el)
{
	return el < EL_COUNT ? names[el] : "";
}

int
element_find(const char *name)
{
	int i;

	for (i = 0; i < EL_COUNT; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}
