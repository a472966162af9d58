/* import_walk: the directory walk of import (store/ only).  import.c walks
 * twice, once to count and once to import, through the same code. */
#ifndef JUAN_IMPORT_WALK_H
#define JUAN_IMPORT_WALK_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "juan/status.h"

/* A directory on the path from a root to where the walk is. */
struct dir_id {
	dev_t dev;
	ino_t ino;
};

/* A walk of the named paths; what it does with each entry is up to its
 * owner, which embeds it as its first member. */
struct walk {
	struct dir_id *dirs;
	size_t ndirs, capdirs;
	/* A file the walk takes: path as walked, abs as stored, st its
	 * stat.  A status other than JUAN_OK ends the walk. */
	enum juan_status (*file)(struct walk *w, const char *path,
				 const char *abs, const struct stat *st);
	/* An entry that cannot be imported, why, and its size (0 when not
	 * known). */
	enum juan_status (*fail)(struct walk *w, const char *path,
				 uint64_t bytes, const char *why);
	/* When non-NULL and set non-zero, the walk ends with JUAN_EINTR
	 * before its next entry. */
	volatile sig_atomic_t *stop;
};

/* Walks the named paths[0..n): directories recursively, taking `*.txt`
 * (any case) and names without an extension and skipping hidden names; a
 * named file is taken whatever its name.  Entries are sorted by name, and
 * each is given to w->file or w->fail with its absolute path (the named
 * path made absolute, then names joined to it), so that two walks of the
 * same tree see the same entries.  An entry the walk would take that is not
 * a regular file (a FIFO, a socket, a device) fails, named, without being
 * opened.  A directory that contains itself through
 * a symbolic link fails instead of looping.  Returns the first status other
 * than JUAN_OK that w->file or w->fail returned, JUAN_EINTR when w->stop
 * was set, or JUAN_ENOMEM. */
enum juan_status walk_all(struct walk *w, const char *const *paths, size_t n);

/* Calls w->fail with a formatted reason. */
enum juan_status walk_fail(struct walk *w, const char *path, uint64_t bytes,
			   const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
