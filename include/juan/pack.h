/* pack: the stored form of a document's text (store/db/pack.c).
 *
 * A part of a document (its head, body or tail) of PACK_MIN_BYTES or more
 * is stored as an LZ4 block, a BLOB, when that is smaller than the text;
 * any other part as itself, a TEXT.  Reading goes through unpack_text() in
 * C and juan_text() in SQL, which give the text back either way, so a
 * store may hold both forms (one written before packing, or a short part).
 * LZ4 because a search's snippets read the start of up to 50 texts, and
 * LZ4 unpacks a prefix for the cost of the prefix, and a whole text at
 * about 3 GB/s (zstd: 1-2 GB/s, and a whole block for any prefix), for a
 * text 1.7-1.9 times smaller (zstd: 1.8-2.5). */
#ifndef JUAN_PACK_H
#define JUAN_PACK_H

#include <sqlite3.h>
#include <stddef.h>

#include "juan/status.h"

/* Shorter texts are stored as they are: they would gain little. */
#define PACK_MIN_BYTES 128

/* A compression context: one per thread that packs. */
struct packer;

/* A new packer, or NULL when out of memory.  Free with packer_free(). */
struct packer *packer_new(void);
void packer_free(struct packer **p);

/* Packs text[0..len).  On JUAN_OK *blob is the packed text (caller frees) and
 * *blob_len its size, or *blob is NULL when the text is to be stored as it
 * is (shorter than PACK_MIN_BYTES, or not smaller packed).  JUAN_ENOMEM
 * when out of memory, with *blob NULL. */
enum juan_status pack_text(struct packer *p, const char *text, size_t len,
			   void **blob, size_t *blob_len);

/* The text packed in blob[0..len), or its first limit bytes cut back to
 * the start of a character (limit 0: all of it; a prefix costs only its
 * own unpacking), NUL-terminated in *text (caller frees) with its length
 * in *text_len.  JUAN_EINVAL when the blob is nothing pack_text() wrote,
 * or is damaged (why[0..whysize) says which); JUAN_ENOMEM when out of
 * memory.  *text is NULL on failure. */
enum juan_status unpack_text(const void *blob, size_t len, size_t limit,
			     char **text, size_t *text_len, char *why,
			     size_t whysize);

/* Registers on db the SQL functions juan_text(x [, limit]) — the text of
 * x, a packed BLOB or a TEXT (NULL for NULL; limit as unpack_text()'s: at
 * most that many bytes, cut at a character) — and juan_pack(x): a TEXT
 * packed as pack_text() would, any other value as it is.  A damaged text
 * is an SQL error that says so.  Returns an SQLite result code. */
int pack_register(sqlite3 *db);

#endif
