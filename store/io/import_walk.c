/* import_walk: walking the files and directories named to import. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "juan/array.h"
#include "import_walk.h"

enum juan_status
walk_fail(struct walk *w, const char *path, uint64_t bytes, const char *fmt,
	  ...)
{
	char why[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	return w->fail(w, path, bytes, why);
}

/* "dir/name", caller frees; NULL when out of memory. */
static char *
join(const char *dir, const char *name)
{
	size_t dl = strlen(dir), nl = strlen(name);
	char *p = malloc(dl + nl + 2);

	if (!p)
		return NULL;
	memcpy(p, dir, dl);
	if (dl == 0 || dir[dl - 1] != '/')
		p[dl++] = '/';
	memcpy(p + dl, name, nl + 1);
	return p;
}

/* Files a directory walk takes: `*.txt` (any case) and names without an
 * extension; hidden names are skipped before. */
static bool
wanted(const char *name)
{
	const char *dot = strrchr(name, '.');

	return !dot || strcasecmp(dot, ".txt") == 0;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
free_names(char **names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* The names in directory path, sorted, without hidden ones, in *names
 * (free with free_names()).  Returns errno on failure. */
static int
list_dir(const char *path, char ***names, size_t *n)
{
	DIR *dir = opendir(path);
	struct dirent *e;
	char **list = NULL, **grown;
	size_t count = 0, cap = 0;
	int err = 0;

	*names = NULL;
	*n = 0;
	if (!dir)
		return errno;
	for (;;) {
		errno = 0;
		e = readdir(dir);
		if (!e) {
			err = errno;
			break;
		}
		if (e->d_name[0] == '.')
			continue;
		grown = array_reserve(list, &cap, count + 1, sizeof(*list));
		if (!grown) {
			err = ENOMEM;
			break;
		}
		list = grown;
		if (!(list[count] = strdup(e->d_name))) {
			err = ENOMEM;
			break;
		}
		count++;
	}
	closedir(dir);
	if (err) {
		free_names(list, count);
		return err;
	}
	if (count)
		qsort(list, count, sizeof(*list), cmp_names);
	*names = list;
	*n = count;
	return 0;
}

/* What a file that is neither a directory nor a regular file is. */
static const char *
file_kind(mode_t mode)
{
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISSOCK(mode))
		return "a socket";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	return "an unknown kind of file";
}

static enum juan_status walk_path(struct walk *w, const char *path,
				  const char *abs, bool named);

static enum juan_status
push_dir(struct walk *w, const struct stat *st)
{
	struct dir_id *dirs;

	dirs = array_reserve(w->dirs, &w->capdirs, w->ndirs + 1,
			     sizeof(*dirs));
	if (!dirs)
		return JUAN_ENOMEM;
	w->dirs = dirs;
	w->dirs[w->ndirs].dev = st->st_dev;
	w->dirs[w->ndirs].ino = st->st_ino;
	w->ndirs++;
	return JUAN_OK;
}

static enum juan_status
walk_dir(struct walk *w, const char *path, const char *abs,
	 const struct stat *st)
{
	char **names = NULL;
	size_t n = 0, i;
	enum juan_status rc;
	int err;

	for (i = 0; i < w->ndirs; i++)
		if (w->dirs[i].dev == st->st_dev &&
		    w->dirs[i].ino == st->st_ino)
			return walk_fail(w, path, 0, "symbolic link loop: the "
					 "directory contains itself");
	err = list_dir(path, &names, &n);
	if (err == ENOMEM)
		return JUAN_ENOMEM;
	if (err)
		return walk_fail(w, path, 0, "cannot read directory: %s",
				 strerror(err));
	rc = push_dir(w, st);
	if (rc != JUAN_OK)
		goto done;
	for (i = 0; i < n && rc == JUAN_OK; i++) {
		char *child = join(path, names[i]);
		char *child_abs = join(abs, names[i]);

		if (child && child_abs)
			rc = walk_path(w, child, child_abs, false);
		else
			rc = JUAN_ENOMEM;
		free(child);
		free(child_abs);
	}
	w->ndirs--;
done:
	free_names(names, n);
	return rc;
}

/* Walks path (abs: the same, absolute, as stored); named is true for the
 * paths the caller gave, which are tried whatever their name. */
static enum juan_status
walk_path(struct walk *w, const char *path, const char *abs, bool named)
{
	const char *base = strrchr(path, '/');
	struct stat st, lst;
	int err;

	base = base ? base + 1 : path;
	if (w->stop && *w->stop)
		return JUAN_EINTR;
	if (stat(path, &st) != 0) {
		err = errno;
		if (!named && !wanted(base))
			return JUAN_OK;
		if (err == ENOENT && lstat(path, &lst) == 0 &&
		    S_ISLNK(lst.st_mode))
			return walk_fail(w, path, 0, "cannot read: broken "
					 "symbolic link");
		return walk_fail(w, path, 0, "cannot read: %s",
				 strerror(err));
	}
	if (S_ISDIR(st.st_mode))
		return walk_dir(w, path, abs, &st);
	if (!named && !wanted(base))
		return JUAN_OK;
	if (!S_ISREG(st.st_mode))
		return walk_fail(w, path, 0, "not a regular file (%s)",
				 file_kind(st.st_mode));
	return w->file(w, path, abs, &st);
}

enum juan_status
walk_all(struct walk *w, const char *const *paths, size_t n)
{
	enum juan_status rc = JUAN_OK;
	size_t i;

	for (i = 0; i < n && rc == JUAN_OK; i++) {
		char *abs = realpath(paths[i], NULL);

		if (!abs && errno == ENOMEM)
			return JUAN_ENOMEM;
		rc = walk_path(w, paths[i], abs ? abs : paths[i], true);
		free(abs);
	}
	free(w->dirs);
	w->dirs = NULL;
	w->ndirs = w->capdirs = 0;
	return rc;
}
