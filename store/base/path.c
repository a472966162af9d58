/* path: XDG base directories (see path.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/path.h"

char *
path_xdg(const char *var, const char *fallback, const char *rel)
{
	const char *base = getenv(var), *home = getenv("HOME");
	char *path;
	size_t size;

	if (base != NULL && base[0] == '/') {
		size = strlen(base) + strlen(rel) + 2;
		path = malloc(size);
		if (path != NULL)
			snprintf(path, size, "%s/%s", base, rel);
		return path;
	}
	if (home == NULL || home[0] == '\0')
		return NULL;
	size = strlen(home) + strlen(fallback) + strlen(rel) + 3;
	path = malloc(size);
	if (path != NULL)
		snprintf(path, size, "%s/%s/%s", home, fallback, rel);
	return path;
}
