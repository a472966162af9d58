/* file: reading a whole file into memory, for the small files juan reads
 * whole (a config file, a theme set, a document to parse), and the one
 * writer of every file juan writes (an export; later a config, a saved
 * model, a changeset): it never writes over a guarded file (the store),
 * replaces a regular file atomically and writes straight into a FIFO or a
 * device. */
#ifndef JUAN_FILE_H
#define JUAN_FILE_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "juan/status.h"

/* Reads the file at path (a regular file, a FIFO or a device: it reads to the
 * end) into *data, NUL-terminated, with its length in *len; caller frees
 * *data.  Returns JUAN_OK; JUAN_ENOTFOUND when path does not exist;
 * JUAN_ENOMEM; JUAN_EIO for any other failure, with errno saying why.  On
 * failure *data is NULL and *len 0. */
enum juan_status file_read(const char *path, char **data, size_t *len);

/* A file by identity (device and inode), whatever name or link reaches it. */
struct file_id {
	dev_t dev;
	ino_t ino;
};

#define FILE_GUARD_MAX 8

/* The files a write must never replace or write into. */
struct file_guard {
	struct file_id ids[FILE_GUARD_MAX];
	size_t n;
};

/* Adds id to g; a full guard keeps what it has (FILE_GUARD_MAX is more
 * than the store's four files). */
void file_guard_add_id(struct file_guard *g, struct file_id id);

/* Adds the file path names (through symbolic links) to g; a path that
 * names nothing adds nothing. */
void file_guard_add(struct file_guard *g, const char *path);

/* The identity of the file path names, through symbolic links, in *id;
 * -1 with errno set when it names nothing, 0 else. */
int file_identify(const char *path, struct file_id *id);

/* Writes what fill(out, ctx) writes to out into path:
 * - a path that names (through any hard or symbolic link) a file of guard
 *   (NULL: none) is refused with JUAN_EGUARDED, nothing written;
 * - a directory is refused (JUAN_EIO, EISDIR);
 * - a FIFO, a character device, a socket and /dev/stdout are written
 *   straight into;
 * - a regular file, or one reached through symbolic links (the link stays,
 *   its target is replaced), or a new file, is written atomically: into a
 *   temporary file with a short name in the same directory, synced and
 *   renamed over it, keeping the old file's mode (a new file gets what the
 *   umask leaves of 0666).  A dangling symbolic link is refused (JUAN_EIO,
 *   ENOENT).
 * fill returns JUAN_OK or a status of its own, which file_write returns
 * with err[0] == '\0' (fill reports its error its own way) and the target
 * untouched.  On a failure of the file system (JUAN_EIO, errno set) or a
 * refusal, err[0..errsize) says what, naming path. */
typedef enum juan_status (*file_fill_fn)(FILE *out, void *ctx);
enum juan_status file_write(const char *path, const struct file_guard *guard,
			    file_fill_fn fill, void *ctx, char *err,
			    size_t errsize);

#endif
