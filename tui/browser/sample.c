/* sample: finding the sample corpus. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "juan/browser/sample.h"

#ifndef JUAN_DATADIR
#define JUAN_DATADIR "/usr/local/share/juan"
#endif

static bool
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool
try_dir(const char *path, char *buf, size_t size)
{
	char real[PATH_MAX];

	if (!is_dir(path) || realpath(path, real) == NULL ||
	    strlen(real) >= size)
		return false;
	snprintf(buf, size, "%s", real);
	return true;
}

bool
sample_find(const char *argv0, char *buf, size_t size)
{
	static const char *const beside[] = { "/../assets/sample",
					      "/../../assets/sample" };
	const char *env = getenv("JUAN_SAMPLE");
	char exe[PATH_MAX], path[PATH_MAX + 32], *slash;
	ssize_t n;
	size_t i;

	if (env != NULL && env[0] != '\0')
		return try_dir(env, buf, size);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0)
		exe[n] = '\0';
	else if (argv0 != NULL && strchr(argv0, '/') != NULL)
		snprintf(exe, sizeof(exe), "%s", argv0);
	else
		exe[0] = '\0';
	slash = strrchr(exe, '/');
	if (slash != NULL) {
		*slash = '\0';
		for (i = 0; i < sizeof(beside) / sizeof(beside[0]); i++) {
			snprintf(path, sizeof(path), "%s%s", exe, beside[i]);
			if (try_dir(path, buf, size))
				return true;
		}
	}
	return try_dir(JUAN_DATADIR "/sample", buf, size);
}
