/* file: reading a whole file into memory, and the one writer of the files
 * juan writes (see file.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "juan/array.h"
#include "juan/file.h"

enum juan_status
file_read(const char *path, char **data, size_t *len)
{
	FILE *f;
	char *buf = NULL, *grown;
	size_t size = 0, cap = 0, got;
	enum juan_status rc = JUAN_OK;
	int saved = 0;

	*data = NULL;
	*len = 0;
	f = fopen(path, "rb");
	if (f == NULL)
		return errno == ENOENT ? JUAN_ENOTFOUND : JUAN_EIO;
	for (;;) {
		/* room for a read of 64 KiB and the NUL */
		grown = array_reserve(buf, &cap, size + 65536 + 1, 1);
		if (grown == NULL) {
			rc = JUAN_ENOMEM;
			saved = ENOMEM;
			goto done;
		}
		buf = grown;
		got = fread(buf + size, 1, cap - size - 1, f);
		size += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		rc = JUAN_EIO;
		saved = errno ? errno : EIO;
		goto done;
	}
	buf[size] = '\0';
	*data = buf;
	*len = size;
	buf = NULL;
done:
	free(buf);
	fclose(f);
	if (rc != JUAN_OK)
		errno = saved;
	return rc;
}

void
file_guard_add_id(struct file_guard *g, struct file_id id)
{
	if (g->n < FILE_GUARD_MAX)
		g->ids[g->n++] = id;
}

int
file_identify(const char *path, struct file_id *id)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return -1;
	id->dev = st.st_dev;
	id->ino = st.st_ino;
	return 0;
}

void
file_guard_add(struct file_guard *g, const char *path)
{
	struct file_id id;

	if (file_identify(path, &id) == 0)
		file_guard_add_id(g, id);
}

static bool
guarded(const struct file_guard *g, const struct stat *st)
{
	size_t i;

	for (i = 0; g && i < g->n; i++)
		if (g->ids[i].dev == st->st_dev && g->ids[i].ino == st->st_ino)
			return true;
	return false;
}

/* Runs fill into the open descriptor fd (closed here, whatever happens);
 * sync: fsync it before closing.  JUAN_EIO with errno set on a write
 * failure; fill's status when it fails. */
static enum juan_status
fill_fd(int fd, bool sync, file_fill_fn fill, void *ctx)
{
	enum juan_status rc;
	FILE *out = fdopen(fd, "w");
	int saved;

	if (!out) {
		saved = errno;
		close(fd);
		errno = saved;
		return JUAN_EIO;
	}
	rc = fill(out, ctx);
	if (rc == JUAN_OK && (fflush(out) != 0 ||
			      (sync && fsync(fileno(out)) != 0)))
		rc = JUAN_EIO;
	saved = errno;
	if (fclose(out) != 0 && rc == JUAN_OK) {
		saved = errno;
		rc = JUAN_EIO;
	}
	errno = saved;
	return rc;
}

/* Writes into what path names as it is (a FIFO, a device, a socket);
 * /dev/stdout is this process's stdout, at its offset. */
static enum juan_status
write_straight(const char *path, file_fill_fn fill, void *ctx)
{
	int fd;

	if (strcmp(path, "/dev/stdout") == 0) {
		fflush(stdout);
		fd = dup(STDOUT_FILENO);
	} else {
		fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	}

	if (fd < 0)
		return JUAN_EIO;
	return fill_fd(fd, false, fill, ctx);
}

/* The mode for a file replacing path: that of path, else what the umask
 * leaves of 0666. */
static mode_t
new_file_mode(const char *path)
{
	struct stat st;
	mode_t mask;

	if (stat(path, &st) == 0)
		return st.st_mode & 07777;
	mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

/* Replaces the regular file path (or creates it) atomically: a temporary
 * file ".juan.XXXXXX" beside it (short, so that any name that fits fits it
 * too), synced, renamed over path, and the directory synced (best effort:
 * some file systems cannot sync a directory). */
static enum juan_status
write_replace(const char *path, file_fill_fn fill, void *ctx)
{
	static const char pattern[] = ".juan.XXXXXX";
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	enum juan_status rc;
	char *tmp;
	int fd, saved;

	tmp = malloc(dirlen + sizeof(pattern));
	if (!tmp) {
		errno = ENOMEM;
		return JUAN_ENOMEM;
	}
	memcpy(tmp, path, dirlen);
	memcpy(tmp + dirlen, pattern, sizeof(pattern));
	fd = mkstemp(tmp);
	if (fd < 0) {
		rc = JUAN_EIO;
		goto done;
	}
	if (fchmod(fd, new_file_mode(path)) != 0) {
		saved = errno;
		close(fd);
		errno = saved;
		rc = JUAN_EIO;
	} else {
		rc = fill_fd(fd, true, fill, ctx);
	}
	if (rc == JUAN_OK && rename(tmp, path) != 0)
		rc = JUAN_EIO;
	saved = errno;
	if (rc != JUAN_OK) {
		unlink(tmp);
	} else {
		if (dirlen)
			tmp[dirlen] = '\0';
		fd = open(dirlen ? tmp : ".", O_RDONLY | O_DIRECTORY);
		if (fd >= 0) {
			fsync(fd);
			close(fd);
		}
	}
	errno = saved;
done:
	free(tmp);
	return rc;
}

enum juan_status
file_write(const char *path, const struct file_guard *guard,
	   file_fill_fn fill, void *ctx, char *err, size_t errsize)
{
	enum juan_status rc;
	struct stat st;
	char *target = NULL;
	int saved;

	err[0] = '\0';
	if (stat(path, &st) != 0) {
		if (errno != ENOENT) {
			rc = JUAN_EIO;
			goto done;
		}
		if (lstat(path, &st) == 0) {
			snprintf(err, errsize, "%s: a symbolic link to nothing; "
				 "not written", path);
			errno = ENOENT;
			return JUAN_EIO;
		}
		rc = write_replace(path, fill, ctx);
		goto done;
	}
	if (guarded(guard, &st)) {
		snprintf(err, errsize, "%s: is the store or one of its files; "
			 "refusing to write over it", path);
		return JUAN_EGUARDED;
	}
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		rc = JUAN_EIO;
		goto done;
	}
	/* /dev/stdout names whatever stdout is, a regular file too: write
	 * into it as the shell opened it, never replace it */
	if (!S_ISREG(st.st_mode) || strcmp(path, "/dev/stdout") == 0) {
		rc = write_straight(path, fill, ctx);
		goto done;
	}
	/* a regular file, maybe reached through symbolic links: replace the
	 * file, not the link */
	target = realpath(path, NULL);
	if (!target) {
		rc = JUAN_EIO;
		goto done;
	}
	rc = write_replace(target, fill, ctx);
done:
	saved = errno;
	free(target);
	if (rc == JUAN_EIO || rc == JUAN_ENOMEM)
		snprintf(err, errsize, "%s: cannot write: %s", path,
			 strerror(saved));
	errno = saved;
	return rc;
}
