/* import_read: what an import's worker thread does with one file (store/
 * only) — read it, decode and normalise it, hash it, parse it and tokenize
 * its body — into an item that the writing thread stores in input order. */
#ifndef JUAN_IMPORT_READ_H
#define JUAN_IMPORT_READ_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "juan/parse.h"
#include "juan/status.h"
#include "db/store_private.h"

/* One file of the walk: what the walk found (path, abs, bytes, seq; why
 * when it failed there), then, once a worker has read it, its text, parse
 * and tokens, or why it failed. */
struct import_item {
	uint64_t seq;   /* its place in the walk's order, from 0 */
	char *path;     /* as walked, for messages */
	char *abs;      /* as stored */
	uint64_t bytes; /* the file's size */
	bool large;     /* bytes >= IMPORT_ALONE_BYTES at the walk */
	char *text;     /* its normalised text, text_len bytes */
	size_t text_len;
	char hash[STORE_HASH_HEX]; /* store_hash_text() of the text */
	struct doc *doc;
	struct token_list *tokens; /* of the body, or NULL */
	struct packed_parts *packed; /* head, body, tail as stored; NULL:
				      * the writer packs them */
	char *doubts;   /* why the parse is unsure (parse_doubts_join()) */
	char *repaired; /* what decoding repaired, NULL: nothing */
	bool unchanged; /* stored already under this path: not parsed */
	char *why;      /* non-NULL when the file failed */
	enum juan_status fatal; /* not JUAN_OK: the import ends here */
};

/* A document of this much text or more is stored in a transaction of its
 * own, and only one such file is read ahead at a time. */
#define IMPORT_ALONE_BYTES (4u << 20)

/* A new item for the file at path (abs as stored; "" for a failure), or
 * NULL when out of memory.  Caller frees with import_item_free(). */
struct import_item *import_item_new(const char *path, const char *abs,
				    uint64_t bytes);
void import_item_free(struct import_item **it);

/* The bytes of memory it holds while it waits for the writer: its text,
 * tokens and packed parts. */
size_t import_item_bytes(const struct import_item *it);

/* Sets it->why to the formatted reason; JUAN_ENOMEM when it cannot. */
enum juan_status import_item_fail(struct import_item *it, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* One worker's state: its read buffer and a read-only connection to the
 * store (to skip parsing a text already stored under its path). */
struct import_reader {
	char *buf;
	size_t bufcap;
	uint64_t max_bytes; /* larger files and texts are refused */
	sqlite3 *db;        /* NULL when it could not be opened */
	struct packer *packer; /* NULL when out of memory */
	sqlite3_stmt *known;
};

/* Opens r's connection to the store at db_path (without it every file is
 * parsed) with max_bytes as the size limit. */
void import_reader_open(struct import_reader *r, const char *db_path,
			uint64_t max_bytes);
void import_reader_close(struct import_reader *r);

/* Reads, decodes, hashes, parses, packs and tokenizes the file of it (whose why
 * is NULL).  A file that cannot be imported gets it->why (unreadable, too
 * large, not text, out of memory, changed each time it was read); a
 * failure that ends the import (out of memory for the message itself) sets
 * it->fatal. */
void import_reader_read(struct import_reader *r, struct import_item *it);

/* "47.7 MB", "4.0 KB" or "12 bytes" in buf. */
const char *import_format_size(uint64_t bytes, char buf[32]);

#endif
