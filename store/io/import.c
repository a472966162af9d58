/* import: walking files and directories, and feeding each file through
 * decode, parse and store_put in batched transactions.
 *
 * The walk runs twice: a quick pass that only stats, for the totals that
 * progress reports, then the import.  During the import a second thread
 * walks, reads, decodes, parses and tokenizes while the calling thread
 * stores, so that the search index (most of the work) never waits for the
 * files.  The threads meet in a queue of a few parsed files, each with the
 * tokens of its body, which the index replays instead of tokenizing it
 * again (tokenize.h); the calling thread alone writes to the store and
 * calls the callbacks.  The second thread has a
 * read-only connection of its own, to skip parsing a file whose text is
 * already stored under its path (an import run again). */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "juan/array.h"
#include "import_walk.h"
#include "juan/decode.h"
#include "juan/import.h"
#include "juan/text.h"
#include "juan/tokenize.h"
#include "db/store_private.h"

/* A batch is committed after this many files or bytes of text. */
#define BATCH_FILES 200
#define BATCH_BYTES (16u << 20)

/* The queue holds at most this many files, or this many bytes of text
 * (but always one). */
#define QUEUE_FILES 8
#define QUEUE_BYTES (8u << 20)

/* A document of this much text or more is stored in a transaction of its
 * own, so that when it fails (out of memory, say) it fails alone. */
#define ALONE_BYTES (4u << 20)

/* A body up to this size is tokenized by the reading thread, for the
 * index to replay (tokenize.h); a list takes about nine times its text. */
#define REPLAY_MAX_BYTES (64u << 10)

/* The read buffer is kept for the next file up to this size. */
#define KEEP_BUF_BYTES (1u << 20)

/* ---- the first pass: totals ------------------------------------------- */

struct counter {
	struct walk w;
	struct import_progress *p;
};

static enum juan_status
count_file(struct walk *w, const char *path, const char *abs,
	   const struct stat *st)
{
	struct counter *c = (struct counter *)w;

	(void)path;
	(void)abs;
	c->p->files_total++;
	c->p->bytes_total += (uint64_t)st->st_size;
	return JUAN_OK;
}

static enum juan_status
count_fail(struct walk *w, const char *path, uint64_t bytes, const char *why)
{
	struct counter *c = (struct counter *)w;

	(void)path;
	(void)why;
	c->p->files_total++;
	c->p->bytes_total += bytes;
	return JUAN_OK;
}

/* ---- the queue between the threads ------------------------------------ */

/* One file, read, decoded and parsed — or the reason it could not be. */
struct item {
	struct item *next;
	char *path;     /* as walked, for messages */
	char *abs;      /* as stored */
	uint64_t bytes; /* the file's size */
	char *text;     /* its normalised text, text_len bytes */
	size_t text_len;
	char hash[STORE_HASH_HEX]; /* store_hash_text() of the text */
	struct doc *doc;
	struct token_list *tokens; /* of the body, or NULL */
	bool unchanged; /* stored already under this path: not parsed */
	char *why;      /* non-NULL when it failed */
};

struct queue {
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct item *head, *tail;
	size_t n;
	uint64_t bytes;
	bool done;             /* the producer has finished */
	bool cancel;           /* the consumer wants no more */
	enum juan_status rc;   /* how the producer finished */
};

static void
item_free(struct item *it)
{
	if (!it)
		return;
	free(it->path);
	free(it->abs);
	free(it->text);
	doc_free(&it->doc);
	token_list_free(&it->tokens);
	free(it->why);
	free(it);
}

/* Appends it, waiting for room; JUAN_EINTR (and it freed) when the consumer
 * has cancelled. */
static enum juan_status
queue_push(struct queue *q, struct item *it)
{
	enum juan_status rc = JUAN_OK;

	pthread_mutex_lock(&q->lock);
	while (!q->cancel && q->n > 0 &&
	       (q->n >= QUEUE_FILES || q->bytes >= QUEUE_BYTES))
		pthread_cond_wait(&q->changed, &q->lock);
	if (q->cancel) {
		rc = JUAN_EINTR;
	} else {
		if (q->tail)
			q->tail->next = it;
		else
			q->head = it;
		q->tail = it;
		q->n++;
		q->bytes += it->text_len;
		pthread_cond_broadcast(&q->changed);
	}
	pthread_mutex_unlock(&q->lock);
	if (rc != JUAN_OK)
		item_free(it);
	return rc;
}

/* The next file, waiting for one; NULL when the producer has finished. */
static struct item *
queue_pop(struct queue *q)
{
	struct item *it;

	pthread_mutex_lock(&q->lock);
	while (!q->head && !q->done)
		pthread_cond_wait(&q->changed, &q->lock);
	it = q->head;
	if (it) {
		q->head = it->next;
		if (!q->head)
			q->tail = NULL;
		q->n--;
		q->bytes -= it->text_len;
		pthread_cond_broadcast(&q->changed);
	}
	pthread_mutex_unlock(&q->lock);
	return it;
}

/* Tells the producer to stop, and drops what it queued. */
static void
queue_cancel(struct queue *q)
{
	struct item *it, *next;

	pthread_mutex_lock(&q->lock);
	q->cancel = true;
	it = q->head;
	q->head = q->tail = NULL;
	q->n = 0;
	q->bytes = 0;
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->lock);
	for (; it; it = next) {
		next = it->next;
		item_free(it);
	}
}

/* ---- the producer: walk, read, decode, parse -------------------------- */

struct producer {
	struct walk w;
	struct queue *q;
	const char *const *paths;
	size_t npaths;
	char *buf;      /* the file being read, reused */
	size_t bufcap;
	uint64_t max_bytes; /* larger files and texts are refused */
	sqlite3 *db;    /* read-only, NULL when it could not be opened */
	sqlite3_stmt *known;
};

static struct item *
item_new(const char *path, const char *abs, uint64_t bytes)
{
	struct item *it = calloc(1, sizeof(*it));

	if (!it)
		return NULL;
	it->path = strdup(path);
	it->abs = strdup(abs);
	it->bytes = bytes;
	if (!it->path || !it->abs) {
		item_free(it);
		return NULL;
	}
	return it;
}

static enum juan_status
produce_fail(struct walk *w, const char *path, uint64_t bytes,
	     const char *why)
{
	struct producer *p = (struct producer *)w;
	struct item *it = item_new(path, "", bytes);

	if (!it || !(it->why = strdup(why))) {
		item_free(it);
		return JUAN_ENOMEM;
	}
	return queue_push(p->q, it);
}

/* Why a file is not read. */
enum {
	READ_NOT_REGULAR = -1, /* replaced by a FIFO, a device... */
	READ_TOO_LARGE = -2,   /* grew over p->max_bytes */
};

/* Reads the file at path into p->buf; *len is its size.  Opens without
 * blocking, so that a FIFO put in the file's place is refused, not waited
 * on.  On failure returns errno or READ_*. */
static int
read_file(struct producer *p, const char *path, size_t size_hint,
	  size_t *len)
{
	size_t have = 0;
	ssize_t got;
	struct stat st;
	int fd, err = 0;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return errno;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return READ_NOT_REGULAR;
	}
	for (;;) {
		if (have > p->max_bytes) {
			err = READ_TOO_LARGE;
			break;
		}
		if (have + 1 >= p->bufcap) {
			size_t need = have + 2;
			char *nb;

			if (have == 0 && need < size_hint + 4096)
				need = size_hint + 4096;
			if (need < 1 << 16)
				need = 1 << 16;
			nb = array_reserve(p->buf, &p->bufcap, need, 1);
			if (!nb) {
				err = ENOMEM;
				break;
			}
			p->buf = nb;
		}
		got = read(fd, p->buf + have, p->bufcap - have - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			err = errno;
			break;
		}
		if (got == 0)
			break;
		have += (size_t)got;
	}
	close(fd);
	*len = have;
	return err;
}

/* Whether the store has it->text under it->abs already (as of its last
 * commit: later batches are store_put's to judge). */
static bool
known(struct producer *p, const struct item *it)
{
	bool found;

	if (!p->known)
		return false;
	sqlite3_bind_text(p->known, 1, it->abs, -1, SQLITE_STATIC);
	sqlite3_bind_text(p->known, 2, it->hash, -1, SQLITE_STATIC);
	found = sqlite3_step(p->known) == SQLITE_ROW;
	sqlite3_reset(p->known);
	sqlite3_clear_bindings(p->known);
	return found;
}

/* Opens the producer's read-only connection; without it every file is
 * parsed. */
static void
open_reader(struct producer *p, const char *path)
{
	static const char sql[] =
		"SELECT 1 FROM doc_paths p JOIN documents d ON d.id = p.doc_id"
		" WHERE p.path = ?1 AND d.hash = ?2";

	if (sqlite3_open_v2(path, &p->db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK ||
	    sqlite3_prepare_v2(p->db, sql, -1, &p->known, NULL) != SQLITE_OK) {
		sqlite3_close(p->db);
		p->db = NULL;
		return;
	}
	sqlite3_busy_timeout(p->db, 10000);
}

static void
close_reader(struct producer *p)
{
	sqlite3_finalize(p->known);
	sqlite3_close(p->db);
	p->known = NULL;
	p->db = NULL;
}

/* "47.7 MB", "4.0 KB" or "12 bytes" in buf. */
static const char *
format_size(uint64_t bytes, char buf[32])
{
	if (bytes >= 1 << 20)
		snprintf(buf, 32, "%.1f MB", (double)bytes / (1 << 20));
	else if (bytes >= 1 << 10)
		snprintf(buf, 32, "%.1f KB", (double)bytes / (1 << 10));
	else
		snprintf(buf, 32, "%u bytes", (unsigned)bytes);
	return buf;
}

/* Refuses a file or text of bytes over the limit. */
static enum juan_status
fail_too_large(struct producer *p, const char *path, uint64_t size,
	       const char *what, uint64_t bytes)
{
	char have[32], limit[32];

	return walk_fail(&p->w, path, size, "too large: %s of %s, over the "
			 "limit of %s (--max-size)", what,
			 format_size(bytes, have),
			 format_size(p->max_bytes, limit));
}

/* Refuses a file that ran out of memory. */
static enum juan_status
fail_memory(struct producer *p, const char *path, uint64_t size,
	    const char *doing)
{
	char have[32];

	return walk_fail(&p->w, path, size, "out of memory %s %s", doing,
			 format_size(size, have));
}

/* Frees the read buffer when a large file grew it. */
static void
trim_buf(struct producer *p)
{
	if (p->bufcap <= KEEP_BUF_BYTES)
		return;
	free(p->buf);
	p->buf = NULL;
	p->bufcap = 0;
}

static enum juan_status
produce_file(struct walk *w, const char *path, const char *abs,
	     const struct stat *st)
{
	struct producer *p = (struct producer *)w;
	uint64_t size = (uint64_t)st->st_size;
	struct item *it;
	char why[256];
	size_t len = 0;
	enum juan_status rc;
	int err;

	if (size > p->max_bytes)
		return fail_too_large(p, path, size, "a file", size);
	err = read_file(p, path, (size_t)size, &len);
	if (err) {
		trim_buf(p);
		if (err == ENOMEM)
			return fail_memory(p, path, size, "reading");
		if (err == READ_NOT_REGULAR)
			return walk_fail(w, path, size, "not a regular file");
		if (err == READ_TOO_LARGE)
			return fail_too_large(p, path, size, "a file", len);
		return walk_fail(w, path, size, "cannot read: %s",
				 strerror(err));
	}
	it = item_new(path, abs, size);
	if (!it)
		return JUAN_ENOMEM;
	rc = decode_text(p->buf, len, &it->text, &it->text_len, NULL, why,
			 sizeof(why));
	trim_buf(p);
	if (rc == JUAN_OK && it->text_len > p->max_bytes) {
		len = it->text_len;
		item_free(it);
		return fail_too_large(p, path, size, "a text", len);
	}
	if (rc == JUAN_ENOTTEXT) {
		item_free(it);
		return walk_fail(w, path, size, "not a text document (%s)",
				 why);
	}
	if (rc == JUAN_OK && text_is_blank(it->text, it->text_len)) {
		item_free(it);
		return walk_fail(w, path, size, "not a text document (%s)",
				 len ? "nothing but white space" : "empty");
	}
	if (rc == JUAN_OK) {
		store_hash_text(it->text, it->text_len, it->hash);
		it->unchanged = known(p, it);
	}
	if (rc == JUAN_OK && !it->unchanged)
		rc = doc_parse(it->text, it->text_len, &it->doc);
	if (rc != JUAN_OK) {
		item_free(it);
		if (rc == JUAN_ENOMEM)
			return fail_memory(p, path, size, "decoding and "
					   "parsing");
		return rc;
	}
	/* without the list (out of memory), the index tokenizes the body */
	if (it->doc && it->doc->body_len <= REPLAY_MAX_BYTES)
		it->tokens = token_list_make(it->text + it->doc->head_len,
					     it->doc->body_len);
	return queue_push(p->q, it);
}

static void *
produce(void *arg)
{
	struct producer *p = arg;
	enum juan_status rc = walk_all(&p->w, p->paths, p->npaths);

	pthread_mutex_lock(&p->q->lock);
	p->q->done = true;
	p->q->rc = rc;
	pthread_cond_broadcast(&p->q->changed);
	pthread_mutex_unlock(&p->q->lock);
	return NULL;
}

/* ---- the consumer: store, commit, report ------------------------------ */

struct import {
	struct store *s;
	const struct import_ops *ops;
	struct import_counts *counts;
	struct import_progress progress;
	struct timespec start;
	struct import_counts batch; /* outcomes not yet committed */
	size_t batch_files;
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

static void
report_progress(struct import *im, uint64_t bytes)
{
	struct import_progress *p = &im->progress;

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

	if (im->in_tx) {
		rc = store_commit(im->s);
		if (rc != JUAN_OK)
			return rc;
		im->in_tx = false;
	}
	im->counts->imported += im->batch.imported;
	im->counts->updated += im->batch.updated;
	im->counts->unchanged += im->batch.unchanged;
	memset(&im->batch, 0, sizeof(im->batch));
	im->batch_files = 0;
	im->batch_bytes = 0;
	return JUAN_OK;
}

static void
report_failure(struct import *im, const char *path, const char *why)
{
	im->counts->failed++;
	if (im->ops && im->ops->error)
		im->ops->error(path, why, im->ops->ctx);
}

/* Whether the store's last failure is the document's own — it was too
 * large for the memory or for SQLite — rather than the store's. */
static bool
failed_alone(struct import *im)
{
	int err = sqlite3_extended_errcode(im->s->db);

	return err == SQLITE_NOMEM || err == SQLITE_TOOBIG ||
	       err == SQLITE_IOERR_NOMEM;
}

/* Stores a large document in a transaction of its own: the batch before it
 * is committed first, so that if it fails for want of memory only it is
 * rolled back, reported, and the import goes on. */
static enum juan_status
put_alone(struct import *im, struct item *it, enum put_result *res,
	  bool *failed)
{
	enum juan_status rc;
	char why[160], have[32];

	*failed = false;
	rc = commit(im);
	if (rc == JUAN_OK)
		rc = store_begin(im->s);
	if (rc != JUAN_OK)
		return rc;
	im->in_tx = true;
	rc = store_put_hashed(im->s, it->abs, it->text, it->text_len, it->hash,
			      it->doc, res, NULL);
	if (rc == JUAN_OK)
		return JUAN_OK;
	if (rc != JUAN_EINVAL && !failed_alone(im))
		return rc;
	snprintf(why, sizeof(why), "cannot store %s of text: %s",
		 format_size(it->text_len, have), store_error(im->s));
	store_rollback(im->s);
	im->in_tx = false;
	report_failure(im, it->path, why);
	*failed = true;
	return JUAN_OK;
}

/* Stores one file (or reports why it failed).  Returns JUAN_OK when the
 * file is done, else the status that ends the import. */
static enum juan_status
consume(struct import *im, struct item *it)
{
	enum put_result res;
	enum juan_status rc = JUAN_OK;
	bool failed;

	if (it->why) {
		report_failure(im, it->path, it->why);
		report_progress(im, it->bytes);
		return JUAN_OK;
	}
	if (it->unchanged) {
		res = PUT_UNCHANGED;
		goto stored;
	}
	if (it->text_len >= ALONE_BYTES) {
		rc = put_alone(im, it, &res, &failed);
		if (rc == JUAN_OK && failed)
			report_progress(im, it->bytes);
		if (rc != JUAN_OK || failed)
			return rc;
		goto stored;
	}
	if (!im->in_tx) {
		rc = store_begin(im->s);
		if (rc != JUAN_OK)
			return rc;
		im->in_tx = true;
	}
	token_list_offer(it->tokens);
	rc = store_put_hashed(im->s, it->abs, it->text, it->text_len, it->hash,
			      it->doc, &res, NULL);
	token_list_offer(NULL);
	if (rc == JUAN_EINVAL) {
		report_failure(im, it->path, store_error(im->s));
		report_progress(im, it->bytes);
		return JUAN_OK;
	}
	if (rc != JUAN_OK)
		return rc;
stored:
	if (res == PUT_NEW)
		im->batch.imported++;
	else if (res == PUT_UPDATED)
		im->batch.updated++;
	else
		im->batch.unchanged++;
	im->batch_files++;
	im->batch_bytes += it->text_len;
	if (im->batch_files >= BATCH_FILES || im->batch_bytes >= BATCH_BYTES ||
	    it->text_len >= ALONE_BYTES)
		rc = commit(im);
	if (rc == JUAN_OK)
		report_progress(im, it->bytes);
	return rc;
}

/* Runs the producer on its own thread (with every signal blocked, so that
 * they reach the caller's thread) and stores what it queues. */
static enum juan_status
run_import(struct import *im, const char *const *paths, size_t n)
{
	struct queue q = {.lock = PTHREAD_MUTEX_INITIALIZER,
			  .changed = PTHREAD_COND_INITIALIZER};
	struct producer p = {{NULL, 0, 0, produce_file, produce_fail,
			      im->ops ? im->ops->stop : NULL},
			     &q, paths, n, NULL, 0, IMPORT_MAX_BYTES, NULL,
			     NULL};
	sigset_t all, old;
	pthread_t thread;
	struct item *it;
	enum juan_status rc = JUAN_OK;
	int err;

	if (im->ops && im->ops->max_bytes)
		p.max_bytes = im->ops->max_bytes;
	open_reader(&p, store_path(im->s));
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	err = pthread_create(&thread, NULL, produce, &p);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (err) {
		close_reader(&p);
		return JUAN_ENOMEM;
	}
	while ((it = queue_pop(&q))) {
		if (stopped(im))
			rc = JUAN_EINTR;
		else
			rc = consume(im, it);
		item_free(it);
		if (rc != JUAN_OK)
			break;
	}
	queue_cancel(&q);
	pthread_join(thread, NULL);
	close_reader(&p);
	if (rc == JUAN_OK && q.rc != JUAN_OK)
		rc = q.rc;
	free(p.buf);
	pthread_mutex_destroy(&q.lock);
	pthread_cond_destroy(&q.changed);
	return rc;
}

/* ---- settings for a bulk load ----------------------------------------- */

/* A page cache of 8 MB (the default is 2 MB; 32 MB raised the import's
 * peak RSS from 27 to 51 MB for no speed), temporary structures in memory and fewer
 * WAL checkpoints (a page that several batches write is copied back once)
 * for this connection, restored by untune().  And, kept in the store because
 * FTS5 has them nowhere else: room for 8 MB of pending index data (its
 * default, 1 MB, would write a segment several times a batch; FTS5 writes
 * one at every commit anyway, so a batch of 200 files, about 4 MB of text,
 * is one segment, and more room only costs memory), merges of 16 segments
 * at a time instead of 4, which rewrite the index fewer times (searches read
 * a few more segments), and crisismerge 64 instead of 16, so that segments
 * wait for those merges rather than being merged in the middle of a batch
 * (about 10% less CPU and a 9% smaller store at 10,000 documents). */
struct tuning {
	int cache_size;
	int temp_store;
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

static void
untune(struct store *s, const struct tuning *old)
{
	char sql[128];

	snprintf(sql, sizeof(sql), "PRAGMA cache_size = %d;"
		 "PRAGMA temp_store = %d;"
		 "PRAGMA wal_autocheckpoint = %d", old->cache_size,
		 old->temp_store, old->wal_autocheckpoint);
	sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}

static enum juan_status
tune(struct store *s, struct tuning *old)
{
	enum juan_status rc;

	if (pragma_int(s, "PRAGMA cache_size", &old->cache_size) != SQLITE_OK ||
	    pragma_int(s, "PRAGMA temp_store", &old->temp_store) != SQLITE_OK ||
	    pragma_int(s, "PRAGMA wal_autocheckpoint",
		       &old->wal_autocheckpoint) != SQLITE_OK)
		return store_fail(s, "import settings");
	if (sqlite3_exec(s->db, "PRAGMA cache_size = -8192;"
			 "PRAGMA temp_store = MEMORY;"
			 "PRAGMA wal_autocheckpoint = 16384;"
			 "INSERT INTO doc_fts(doc_fts, rank)"
			 " VALUES('hashsize', 8388608);"
			 "INSERT INTO doc_fts(doc_fts, rank)"
			 " VALUES('automerge', 16);"
			 "INSERT INTO doc_fts(doc_fts, rank)"
			 " VALUES('crisismerge', 64)", NULL, NULL,
			 NULL) != SQLITE_OK) {
		rc = store_fail(s, "import settings");
		untune(s, old);
		return rc;
	}
	return JUAN_OK;
}

enum juan_status
import_paths(struct store *s, const char *const *paths, size_t n,
	     const struct import_ops *ops, struct import_counts *counts)
{
	struct import im = {0};
	struct counter count = {{NULL, 0, 0, count_file, count_fail,
				 ops ? ops->stop : NULL},
				&im.progress};
	struct tuning old;
	enum juan_status rc, crc;

	im.s = s;
	im.ops = ops;
	im.counts = counts;
	clock_gettime(CLOCK_MONOTONIC, &im.start);
	rc = walk_all(&count.w, paths, n);
	if (rc == JUAN_OK)
		rc = tune(s, &old);
	if (rc != JUAN_OK)
		goto done;
	rc = run_import(&im, paths, n);
	if (rc == JUAN_OK || rc == JUAN_EINTR) {
		crc = commit(&im);
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
	return rc;
}
