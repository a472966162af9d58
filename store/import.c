/* import: walking files and directories, and feeding each file through
 * decode, parse and store_put in batched transactions.
 *
 * The walk runs twice: a quick pass that only stats, for the totals that
 * progress reports, then the import.  Both passes see the same entries, so a
 * failure (a symlink loop, a broken link, an unreadable directory) counts as
 * one file in both.  One file is in memory at a time; the read buffer is
 * reused. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "juan/decode.h"
#include "juan/import.h"
#include "store_private.h"

#define BATCH_DOCS 200
#define BATCH_BYTES (16u << 20)

/* A directory on the path from a root to where the walk is. */
struct dir_id {
	dev_t dev;
	ino_t ino;
};

struct import {
	struct store *s;
	const struct import_ops *ops;
	struct import_counts *counts;
	bool counting;          /* the first pass: totals only */
	struct import_progress progress;
	struct timespec start;
	struct dir_id *dirs;
	size_t ndirs, capdirs;
	char *buf;              /* the file being read */
	size_t bufcap;
	struct import_counts batch; /* outcomes not yet committed */
	size_t batch_docs;
	uint64_t batch_bytes;
	bool in_tx;
};

static double
elapsed(const struct import *im)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - im->start.tv_sec) +
	       (double)(now.tv_nsec - im->start.tv_nsec) / 1e9;
}

/* One entry of the walk is done: counts it and reports progress. */
static void
done_one(struct import *im, uint64_t bytes)
{
	struct import_progress *p = &im->progress;

	if (im->counting) {
		p->files_total++;
		p->bytes_total += bytes;
		return;
	}
	p->files_done++;
	p->bytes_done += bytes;
	if (p->files_total < p->files_done)
		p->files_total = p->files_done;
	if (p->bytes_total < p->bytes_done)
		p->bytes_total = p->bytes_done;
	p->elapsed = elapsed(im);
	if (im->ops && im->ops->progress)
		im->ops->progress(p, im->ops->ctx);
}

/* An entry that failed: reported (in the import pass) and counted. */
static void
failed(struct import *im, const char *path, uint64_t bytes, const char *fmt,
       ...) __attribute__((format(printf, 4, 5)));

static void
failed(struct import *im, const char *path, uint64_t bytes, const char *fmt,
       ...)
{
	char msg[512];
	va_list ap;

	if (!im->counting) {
		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		im->counts->failed++;
		if (im->ops && im->ops->error)
			im->ops->error(path, msg, im->ops->ctx);
	}
	done_one(im, bytes);
}

static bool
stopped(const struct import *im)
{
	return im->ops && im->ops->stop && *im->ops->stop;
}

/* Commits the batch: its outcomes become the caller's counts. */
static enum juan_status
commit(struct import *im)
{
	enum juan_status rc;

	if (!im->in_tx)
		return JUAN_OK;
	rc = store_commit(im->s);
	if (rc != JUAN_OK)
		return rc;
	im->in_tx = false;
	im->counts->imported += im->batch.imported;
	im->counts->updated += im->batch.updated;
	im->counts->unchanged += im->batch.unchanged;
	memset(&im->batch, 0, sizeof(im->batch));
	im->batch_docs = 0;
	im->batch_bytes = 0;
	return JUAN_OK;
}

/* Reads the file at path into im->buf; *len is its size.  On failure
 * returns errno. */
static int
read_file(struct import *im, const char *path, size_t *len)
{
	struct stat st;
	size_t have = 0;
	ssize_t got;
	int fd, err = 0;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	if (fstat(fd, &st) != 0) {
		err = errno;
		goto done;
	}
	for (;;) {
		if (have + 1 >= im->bufcap) {
			size_t want = (size_t)st.st_size + 4096;
			size_t cap = im->bufcap ? 2 * im->bufcap : 1 << 16;
			char *nb;

			if (cap < want && have == 0)
				cap = want;
			nb = realloc(im->buf, cap);
			if (!nb) {
				err = ENOMEM;
				goto done;
			}
			im->buf = nb;
			im->bufcap = cap;
		}
		got = read(fd, im->buf + have, im->bufcap - have - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			err = errno;
			goto done;
		}
		if (got == 0)
			break;
		have += (size_t)got;
	}
	*len = have;
done:
	close(fd);
	return err;
}

/* Decodes, parses and stores one file.  Returns JUAN_OK when the file is
 * done (stored or failed and reported), else the status that ends the
 * import. */
static enum juan_status
import_file(struct import *im, const char *path, const char *abs)
{
	char why[256];
	struct doc *d = NULL;
	char *text = NULL;
	size_t len = 0, tlen = 0;
	enum put_result res;
	enum juan_status rc;
	int err;

	err = read_file(im, path, &len);
	if (err == ENOMEM)
		return JUAN_ENOMEM;
	if (err) {
		failed(im, path, 0, "cannot read: %s", strerror(err));
		return JUAN_OK;
	}
	rc = decode_text(im->buf, len, &text, &tlen, NULL, why, sizeof(why));
	if (rc == JUAN_ENOTTEXT) {
		failed(im, path, len, "not a text document (%s)", why);
		return JUAN_OK;
	}
	if (rc == JUAN_OK)
		rc = doc_parse(text, tlen, &d);
	if (rc == JUAN_OK && !im->in_tx) {
		rc = store_begin(im->s);
		im->in_tx = rc == JUAN_OK;
	}
	if (rc == JUAN_OK)
		rc = store_put(im->s, abs, text, tlen, d, &res, NULL);
	if (rc == JUAN_EINVAL) {
		failed(im, path, len, "%s", store_error(im->s));
		rc = JUAN_OK;
		goto done;
	}
	if (rc != JUAN_OK)
		goto done;
	if (res == PUT_NEW)
		im->batch.imported++;
	else if (res == PUT_UPDATED)
		im->batch.updated++;
	else
		im->batch.unchanged++;
	im->batch_docs++;
	im->batch_bytes += tlen;
	if (im->batch_docs >= BATCH_DOCS || im->batch_bytes >= BATCH_BYTES)
		rc = commit(im);
	if (rc == JUAN_OK)
		done_one(im, len);
done:
	free(text);
	doc_free(&d);
	return rc;
}

/* A file the walk selected (or that was named). */
static enum juan_status
visit_file(struct import *im, const char *path, const char *abs,
	   const struct stat *st)
{
	if (im->counting) {
		done_one(im, (uint64_t)st->st_size);
		return JUAN_OK;
	}
	if (stopped(im))
		return JUAN_EINTR;
	if (!S_ISREG(st->st_mode)) {
		failed(im, path, 0, "not a regular file");
		return JUAN_OK;
	}
	return import_file(im, path, abs);
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

/* The names in directory path, sorted, without hidden ones, in *names
 * (caller frees each and the array).  Returns errno on failure. */
static int
list_dir(const char *path, char ***names, size_t *n)
{
	DIR *dir = opendir(path);
	struct dirent *e;
	char **list = NULL;
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
		if (count == cap) {
			size_t ncap = cap ? 2 * cap : 64;
			char **nl = realloc(list, ncap * sizeof(*nl));

			if (!nl) {
				err = ENOMEM;
				break;
			}
			list = nl;
			cap = ncap;
		}
		if (!(list[count] = strdup(e->d_name))) {
			err = ENOMEM;
			break;
		}
		count++;
	}
	closedir(dir);
	if (count)
		qsort(list, count, sizeof(*list), cmp_names);
	*names = list;
	*n = count;
	return err;
}

static enum juan_status walk(struct import *im, const char *path,
			     const char *abs, bool named);

static enum juan_status
walk_dir(struct import *im, const char *path, const char *abs,
	 const struct stat *st)
{
	char **names = NULL;
	size_t n = 0, i;
	enum juan_status rc = JUAN_OK;
	int err;

	for (i = 0; i < im->ndirs; i++) {
		if (im->dirs[i].dev == st->st_dev &&
		    im->dirs[i].ino == st->st_ino) {
			failed(im, path, 0, "symbolic link loop: the directory "
			       "contains itself");
			return JUAN_OK;
		}
	}
	err = list_dir(path, &names, &n);
	if (err == ENOMEM) {
		rc = JUAN_ENOMEM;
		goto done;
	}
	if (err) {
		failed(im, path, 0, "cannot read directory: %s",
		       strerror(err));
		goto done;
	}
	if (im->ndirs == im->capdirs) {
		size_t ncap = im->capdirs ? 2 * im->capdirs : 16;
		struct dir_id *nd = realloc(im->dirs, ncap * sizeof(*nd));

		if (!nd) {
			rc = JUAN_ENOMEM;
			goto done;
		}
		im->dirs = nd;
		im->capdirs = ncap;
	}
	im->dirs[im->ndirs].dev = st->st_dev;
	im->dirs[im->ndirs].ino = st->st_ino;
	im->ndirs++;
	for (i = 0; i < n && rc == JUAN_OK; i++) {
		char *child = join(path, names[i]);
		char *child_abs = join(abs, names[i]);

		if (child && child_abs)
			rc = walk(im, child, child_abs, false);
		else
			rc = JUAN_ENOMEM;
		free(child);
		free(child_abs);
	}
	im->ndirs--;
done:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

/* Walks path (abs: the same, absolute, as stored); named is true for the
 * paths the caller gave, which are tried whatever their name. */
static enum juan_status
walk(struct import *im, const char *path, const char *abs, bool named)
{
	const char *base = strrchr(path, '/');
	struct stat st, lst;

	base = base ? base + 1 : path;
	if (stat(path, &st) != 0) {
		int err = errno;

		if (!named && !wanted(base))
			return JUAN_OK;
		if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) &&
		    err == ENOENT)
			failed(im, path, 0, "cannot read: broken symbolic "
			       "link");
		else
			failed(im, path, 0, "cannot read: %s", strerror(err));
		return JUAN_OK;
	}
	if (S_ISDIR(st.st_mode))
		return walk_dir(im, path, abs, &st);
	if (!named && (!S_ISREG(st.st_mode) || !wanted(base)))
		return JUAN_OK;
	return visit_file(im, path, abs, &st);
}

/* Walks the named paths once. */
static enum juan_status
walk_all(struct import *im, const char *const *paths, size_t n)
{
	enum juan_status rc = JUAN_OK;
	size_t i;

	for (i = 0; i < n && rc == JUAN_OK; i++) {
		char *abs = realpath(paths[i], NULL);

		if (!abs && errno == ENOMEM)
			return JUAN_ENOMEM;
		rc = walk(im, paths[i], abs ? abs : paths[i], true);
		free(abs);
	}
	return rc;
}

/* Settings for a bulk load: a bigger page cache, temporary structures in
 * memory, fewer WAL checkpoints (a page written by several batches is
 * copied back once), and room for 16 MB of pending search-index data before
 * FTS5 writes a segment (its default of 1 MB writes many small segments that
 * must then be merged).  The last one is kept in the store; the others are
 * this connection's and restored by untune(). */
struct tuning {
	int cache_size;
	int wal_autocheckpoint;
};

static int
pragma_int(struct store *s, const char *sql, int *out)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &stmt, NULL);

	if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*out = sqlite3_column_int(stmt, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(stmt);
	return rc;
}

static enum juan_status
tune(struct store *s, struct tuning *old)
{
	if (pragma_int(s, "PRAGMA cache_size", &old->cache_size) != SQLITE_OK ||
	    pragma_int(s, "PRAGMA wal_autocheckpoint",
		       &old->wal_autocheckpoint) != SQLITE_OK)
		return store_fail(s, "import settings");
	if (sqlite3_exec(s->db, "PRAGMA cache_size = -65536;"
			 "PRAGMA temp_store = MEMORY;"
			 "PRAGMA wal_autocheckpoint = 16384;"
			 "INSERT INTO doc_fts(doc_fts, rank)"
			 " VALUES('hashsize', 16777216)", NULL, NULL,
			 NULL) != SQLITE_OK)
		return store_fail(s, "import settings");
	return JUAN_OK;
}

static void
untune(struct store *s, const struct tuning *old)
{
	char sql[128];

	snprintf(sql, sizeof(sql), "PRAGMA cache_size = %d;"
		 "PRAGMA wal_autocheckpoint = %d", old->cache_size,
		 old->wal_autocheckpoint);
	sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}

enum juan_status
import_paths(struct store *s, const char *const *paths, size_t n,
	     const struct import_ops *ops, struct import_counts *counts)
{
	struct import im;
	enum juan_status rc;
	struct tuning old;

	memset(&im, 0, sizeof(im));
	im.s = s;
	im.ops = ops;
	im.counts = counts;
	clock_gettime(CLOCK_MONOTONIC, &im.start);
	im.counting = true;
	rc = walk_all(&im, paths, n);
	if (rc != JUAN_OK)
		goto done;
	im.counting = false;
	rc = tune(s, &old);
	if (rc != JUAN_OK)
		goto done;
	rc = walk_all(&im, paths, n);
	if (rc == JUAN_OK || rc == JUAN_EINTR) {
		enum juan_status crc = commit(&im);

		if (crc != JUAN_OK)
			rc = crc;
	}
	if (im.in_tx)
		store_rollback(s);
	untune(s, &old);
done:
	if (rc == JUAN_ENOMEM)
		store_set_error(s, "import: out of memory");
	else if (rc == JUAN_EINTR)
		store_set_error(s, "import interrupted");
	free(im.dirs);
	free(im.buf);
	return rc;
}
