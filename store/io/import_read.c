/* import_read: one file → one import item, on a worker thread: read (and
 * read again when it changed meanwhile), decode, hash, parse, tokenize. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "juan/array.h"
#include "juan/decode.h"
#include "juan/text.h"
#include "juan/tokenize.h"
#include "import_read.h"

/* A body up to this size is tokenized by the worker, for the index to
 * replay (tokenize.h); a list takes about seven times its text. */
#define REPLAY_MAX_BYTES (64u << 10)

/* The read buffer is kept for the next file up to this size. */
#define KEEP_BUF_BYTES (1u << 20)

/* A file that changes while it is read is read again, this many times in
 * all, before it is reported. */
#define READ_TRIES 3

struct import_item *
import_item_new(const char *path, const char *abs, uint64_t bytes)
{
	struct import_item *it = calloc(1, sizeof(*it));

	if (!it)
		return NULL;
	it->path = strdup(path);
	it->abs = strdup(abs);
	it->bytes = bytes;
	if (!it->path || !it->abs)
		import_item_free(&it);
	return it;
}

size_t
import_item_bytes(const struct import_item *it)
{
	size_t n = it->text_len + token_list_bytes(it->tokens);
	int i;

	for (i = 0; it->packed && i < 3; i++)
		n += it->packed->len[i];
	return n;
}

void
import_item_free(struct import_item **it)
{
	if (!*it)
		return;
	free((*it)->path);
	free((*it)->abs);
	free((*it)->text);
	doc_free(&(*it)->doc);
	token_list_free(&(*it)->tokens);
	if ((*it)->packed) {
		packed_parts_free((*it)->packed);
		free((*it)->packed);
	}
	free((*it)->doubts);
	free((*it)->repaired);
	free((*it)->why);
	free(*it);
	*it = NULL;
}

enum juan_status
import_item_fail(struct import_item *it, const char *fmt, ...)
{
	va_list ap;
	int n;

	free(it->why);
	va_start(ap, fmt);
	n = vasprintf(&it->why, fmt, ap);
	va_end(ap);
	if (n < 0) {
		it->why = NULL;
		it->fatal = JUAN_ENOMEM;
		return JUAN_ENOMEM;
	}
	return JUAN_OK;
}

const char *
import_format_size(uint64_t bytes, char buf[32])
{
	if (bytes >= 1 << 20)
		snprintf(buf, 32, "%.1f MB", (double)bytes / (1 << 20));
	else if (bytes >= 1 << 10)
		snprintf(buf, 32, "%.1f KB", (double)bytes / (1 << 10));
	else
		snprintf(buf, 32, "%u bytes", (unsigned)bytes);
	return buf;
}

void
import_reader_open(struct import_reader *r, const char *db_path,
		   uint64_t max_bytes)
{
	static const char sql[] =
		"SELECT 1 FROM doc_paths p JOIN documents d ON d.id = p.doc_id"
		" WHERE p.path = ?1 AND d.hash = ?2";

	memset(r, 0, sizeof(*r));
	r->max_bytes = max_bytes;
	r->packer = packer_new();
	if (sqlite3_open_v2(db_path, &r->db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK ||
	    sqlite3_prepare_v2(r->db, sql, -1, &r->known, NULL) != SQLITE_OK) {
		sqlite3_close(r->db);
		r->db = NULL;
		return;
	}
	sqlite3_busy_timeout(r->db, 10000);
}

void
import_reader_close(struct import_reader *r)
{
	sqlite3_finalize(r->known);
	sqlite3_close(r->db);
	free(r->buf);
	packer_free(&r->packer);
	memset(r, 0, sizeof(*r));
}

/* Why a file is not read. */
enum {
	READ_NOT_REGULAR = -1, /* replaced by a FIFO, a device... */
	READ_TOO_LARGE = -2,   /* grew over r->max_bytes */
	READ_CHANGED = -3,     /* its size or time changed while read */
};

/* Whether the file st2 describes after a read of len bytes is the one st
 * described before it: same size (the bytes read) and modification time. */
static bool
same_file(const struct stat *st, const struct stat *st2, size_t len)
{
	return st->st_size == st2->st_size && (uint64_t)st2->st_size == len &&
	       st->st_mtim.tv_sec == st2->st_mtim.tv_sec &&
	       st->st_mtim.tv_nsec == st2->st_mtim.tv_nsec;
}

/* Reads the file at path into r->buf; *len is its size.  Opens without
 * blocking, so that a FIFO put in the file's place is refused, not waited
 * on.  On failure returns errno or READ_*. */
static int
read_file(struct import_reader *r, const char *path, size_t size_hint,
	  size_t *len)
{
	size_t have = 0;
	ssize_t got;
	struct stat st, st2;
	int fd, err = 0;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return errno;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return READ_NOT_REGULAR;
	}
	for (;;) {
		if (have > r->max_bytes) {
			err = READ_TOO_LARGE;
			break;
		}
		if (have + 1 >= r->bufcap) {
			size_t need = have + 2;
			char *nb;

			if (have == 0 && need < size_hint + 4096)
				need = size_hint + 4096;
			if (need < 1 << 16)
				need = 1 << 16;
			nb = array_reserve(r->buf, &r->bufcap, need, 1);
			if (!nb) {
				err = ENOMEM;
				break;
			}
			r->buf = nb;
		}
		got = read(fd, r->buf + have, r->bufcap - have - 1);
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
	if (!err && (fstat(fd, &st2) != 0 || !same_file(&st, &st2, have)))
		err = READ_CHANGED;
	close(fd);
	*len = have;
	return err;
}

/* Whether the store has it->text under it->abs already (as of its last
 * commit: later batches are store_put's to judge). */
static bool
known(struct import_reader *r, const struct import_item *it)
{
	bool found;

	if (!r->known)
		return false;
	sqlite3_bind_text(r->known, 1, it->abs, -1, SQLITE_STATIC);
	sqlite3_bind_text(r->known, 2, it->hash, -1, SQLITE_STATIC);
	found = sqlite3_step(r->known) == SQLITE_ROW;
	sqlite3_reset(r->known);
	sqlite3_clear_bindings(r->known);
	return found;
}

/* Refuses a file or text of bytes over the limit. */
static void
fail_too_large(struct import_reader *r, struct import_item *it,
	       const char *what, uint64_t bytes)
{
	char have[32], limit[32];

	import_item_fail(it, "too large: %s of %s, over the limit of %s "
			 "(--max-size)", what, import_format_size(bytes, have),
			 import_format_size(r->max_bytes, limit));
}

/* Refuses a file that ran out of memory. */
static void
fail_memory(struct import_item *it, const char *doing)
{
	char have[32];

	import_item_fail(it, "out of memory %s %s", doing,
			 import_format_size(it->bytes, have));
}

/* Frees the read buffer when a large file grew it. */
static void
trim_buf(struct import_reader *r)
{
	if (r->bufcap <= KEEP_BUF_BYTES)
		return;
	free(r->buf);
	r->buf = NULL;
	r->bufcap = 0;
}

/* Reads the file whole into r->buf (*len bytes), again when it changed
 * while read; false, with it->why, when it could not. */
static bool
read_whole(struct import_reader *r, struct import_item *it, size_t *len)
{
	int err = READ_CHANGED, tries;

	if (it->bytes > r->max_bytes) {
		fail_too_large(r, it, "a file", it->bytes);
		return false;
	}
	for (tries = 0; tries < READ_TRIES && err == READ_CHANGED; tries++)
		err = read_file(r, it->path, (size_t)it->bytes, len);
	if (!err)
		return true;
	trim_buf(r);
	if (err == ENOMEM)
		fail_memory(it, "reading");
	else if (err == READ_NOT_REGULAR)
		import_item_fail(it, "not a regular file");
	else if (err == READ_TOO_LARGE)
		fail_too_large(r, it, "a file", *len);
	else if (err == READ_CHANGED)
		import_item_fail(it, "changed while it was read, %d times: "
				 "import it again when it is written",
				 READ_TRIES);
	else
		import_item_fail(it, "cannot read: %s", strerror(err));
	return false;
}

/* The doubts of its parse, and what decoding repaired (repaired, from
 * decode_text(): "" for nothing), into it.  JUAN_ENOMEM or JUAN_OK. */
static enum juan_status
find_doubts(struct import_item *it, const char *repaired)
{
	if (repaired[0] != '\0' && !(it->repaired = strdup(repaired)))
		return JUAN_ENOMEM;
	it->doubts = doc_doubts_joined(it->text, it->text_len, it->doc,
				       repaired);
	return it->doubts ? JUAN_OK : JUAN_ENOMEM;
}

void
import_reader_read(struct import_reader *r, struct import_item *it)
{
	char why[256];
	size_t len = 0;
	enum juan_status rc;

	if (!read_whole(r, it, &len))
		return;
	rc = decode_text(r->buf, len, &it->text, &it->text_len, NULL, why,
			 sizeof(why));
	trim_buf(r);
	if (rc == JUAN_OK && it->text_len > r->max_bytes) {
		fail_too_large(r, it, "a text", it->text_len);
		goto drop;
	}
	if (rc == JUAN_ENOTTEXT) {
		import_item_fail(it, "not a text document (%s)", why);
		goto drop;
	}
	if (rc == JUAN_OK && text_is_blank(it->text, it->text_len)) {
		import_item_fail(it, "not a text document (%s)",
				 len ? "nothing but white space" : "empty");
		goto drop;
	}
	if (rc == JUAN_OK) {
		store_hash_text(it->text, it->text_len, it->hash);
		it->unchanged = known(r, it);
	}
	if (rc == JUAN_OK && !it->unchanged)
		rc = doc_parse(it->text, it->text_len, &it->doc);
	if (rc == JUAN_OK && !it->unchanged)
		rc = find_doubts(it, why);
	if (rc == JUAN_ENOMEM) {
		fail_memory(it, "decoding and parsing");
		goto drop;
	}
	if (rc != JUAN_OK) {
		it->fatal = rc;
		goto drop;
	}
	/* without them (out of memory), the writer packs the text */
	if (it->doc && r->packer && (it->packed = malloc(sizeof(*it->packed))) &&
	    packed_parts_make(r->packer, it->text, it->doc, it->packed) !=
		    JUAN_OK) {
		packed_parts_free(it->packed);
		free(it->packed);
		it->packed = NULL;
	}
	/* without the list (out of memory), the index tokenizes the body */
	if (it->doc && it->doc->body_len <= REPLAY_MAX_BYTES)
		it->tokens = token_list_make(it->text + it->doc->head_len,
					     it->doc->body_len);
	return;
drop:
	free(it->text);
	it->text = NULL;
	it->text_len = 0;
	doc_free(&it->doc);
}
