/* pack: a document's text stored as an LZ4 block (pack.h), and the SQL
 * functions that read it back.
 *
 * A packed part is PACK_HEADER bytes — PACK_FORMAT, then the text's length
 * in 4 bytes, little-endian — and the LZ4 block of the text. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lz4.h>

#include "juan/pack.h"

#define PACK_FORMAT 1
#define PACK_HEADER 5

/* No text juan stores is longer (SQLite's default SQLITE_MAX_LENGTH). */
#define PACK_MAX_TEXT 1000000000u

struct packer {
	void *state; /* LZ4_sizeofState() bytes */
};

struct packer *
packer_new(void)
{
	struct packer *p = malloc(sizeof(*p));

	if (!p)
		return NULL;
	if (!(p->state = malloc((size_t)LZ4_sizeofState()))) {
		free(p);
		return NULL;
	}
	return p;
}

void
packer_free(struct packer **p)
{
	if (!*p)
		return;
	free((*p)->state);
	free(*p);
	*p = NULL;
}

enum juan_status
pack_text(struct packer *p, const char *text, size_t len, void **blob,
	  size_t *blob_len)
{
	unsigned char *packed;
	int n;

	*blob = NULL;
	*blob_len = 0;
	if (len < PACK_MIN_BYTES || len > PACK_MAX_TEXT)
		return JUAN_OK;
	/* room for a block smaller than the text only: LZ4 gives up (0) when
	 * the block would not be */
	if (!(packed = malloc(len - 1)))
		return JUAN_ENOMEM;
	n = LZ4_compress_fast_extState(p->state, text, (char *)packed +
				       PACK_HEADER, (int)len, (int)(len - 1 -
				       PACK_HEADER), 1);
	if (n <= 0) {
		free(packed);
		return JUAN_OK;
	}
	packed[0] = PACK_FORMAT;
	packed[1] = (unsigned char)(len & 0xFF);
	packed[2] = (unsigned char)(len >> 8 & 0xFF);
	packed[3] = (unsigned char)(len >> 16 & 0xFF);
	packed[4] = (unsigned char)(len >> 24 & 0xFF);
	*blob = packed;
	*blob_len = (size_t)n + PACK_HEADER;
	return JUAN_OK;
}

/* The length of the text packed in blob[0..len), or -1 when it is no
 * packed text. */
static int64_t
packed_length(const unsigned char *blob, size_t len)
{
	uint32_t size;

	if (len < PACK_HEADER || blob[0] != PACK_FORMAT)
		return -1;
	size = (uint32_t)blob[1] | (uint32_t)blob[2] << 8 |
	       (uint32_t)blob[3] << 16 | (uint32_t)blob[4] << 24;
	return size > PACK_MAX_TEXT || len - PACK_HEADER > INT32_MAX
		       ? -1
		       : (int64_t)size;
}

enum juan_status
unpack_text(const void *blob, size_t len, size_t limit, char **text,
	    size_t *text_len, char *why, size_t whysize)
{
	int64_t size = packed_length(blob, len);
	size_t want;
	char *out;
	int got;

	*text = NULL;
	*text_len = 0;
	if (size < 0) {
		snprintf(why, whysize, "not a packed text");
		return JUAN_EINVAL;
	}
	/* a cut needs the byte after it, to tell where its character starts */
	want = limit && limit < (size_t)size ? limit + 1 : (size_t)size;
	if (!(out = malloc(want + 1)))
		return JUAN_ENOMEM;
	if (want < (size_t)size)
		got = LZ4_decompress_safe_partial(
			(const char *)blob + PACK_HEADER, out,
			(int)(len - PACK_HEADER), (int)want, (int)want);
	else
		got = LZ4_decompress_safe((const char *)blob + PACK_HEADER,
					  out, (int)(len - PACK_HEADER),
					  (int)want);
	if (got < 0 || (size_t)got != want) {
		snprintf(why, whysize, "damaged packed text (%s)",
			 got < 0 ? "not an LZ4 block" : "shorter than it says");
		free(out);
		return JUAN_EINVAL;
	}
	if (want > limit && limit) {
		got = (int)limit;
		while (got > 0 && ((unsigned char)out[got] & 0xC0) == 0x80)
			got--;
	}
	out[got] = '\0';
	*text = out;
	*text_len = (size_t)got;
	return JUAN_OK;
}

/* ---- SQL ------------------------------------------------------------ */

/* Cuts a TEXT value at limit bytes, as unpack_text() cuts. */
static void
result_cut(sqlite3_context *ctx, sqlite3_value *v, size_t limit)
{
	const char *t = (const char *)sqlite3_value_text(v);
	size_t len = (size_t)sqlite3_value_bytes(v);

	if (!t) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (limit && limit < len) {
		len = limit;
		while (len > 0 && ((unsigned char)t[len] & 0xC0) == 0x80)
			len--;
	}
	sqlite3_result_text64(ctx, t, len, SQLITE_TRANSIENT, SQLITE_UTF8);
}

static void
text_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_int64 limit = argc > 1 ? sqlite3_value_int64(argv[1]) : 0;
	char why[128], msg[160], *text = NULL;
	size_t len = 0;
	enum juan_status rc;

	if (limit < 0)
		limit = 0;
	switch (sqlite3_value_type(argv[0])) {
	case SQLITE_NULL:
		return;
	case SQLITE_BLOB:
		break;
	default:
		result_cut(ctx, argv[0], (size_t)limit);
		return;
	}
	rc = unpack_text(sqlite3_value_blob(argv[0]),
			 (size_t)sqlite3_value_bytes(argv[0]), (size_t)limit,
			 &text, &len, why, sizeof(why));
	if (rc == JUAN_ENOMEM) {
		sqlite3_result_error_nomem(ctx);
	} else if (rc != JUAN_OK) {
		snprintf(msg, sizeof(msg), "juan_text: %s", why);
		sqlite3_result_error(ctx, msg, -1);
	} else {
		sqlite3_result_text64(ctx, text, len, free, SQLITE_UTF8);
	}
}

static void
pack_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct packer *p = sqlite3_user_data(ctx);
	const char *t;
	void *blob = NULL;
	size_t len = 0;

	(void)argc;
	if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	if (!(t = (const char *)sqlite3_value_text(argv[0])) ||
	    pack_text(p, t, (size_t)sqlite3_value_bytes(argv[0]), &blob,
		      &len) != JUAN_OK) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (blob)
		sqlite3_result_blob64(ctx, blob, len, free);
	else
		sqlite3_result_value(ctx, argv[0]);
}

static void
packer_destroy(void *p)
{
	struct packer *pk = p;

	packer_free(&pk);
}

int
pack_register(sqlite3 *db)
{
	struct packer *p;
	int rc, flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;

	rc = sqlite3_create_function_v2(db, "juan_text", 1, flags, NULL,
					text_fn, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "juan_text", 2, flags,
						NULL, text_fn, NULL, NULL,
						NULL);
	if (rc != SQLITE_OK)
		return rc;
	if (!(p = packer_new()))
		return SQLITE_NOMEM;
	/* SQLite frees p with the connection, or at once when this fails */
	return sqlite3_create_function_v2(db, "juan_pack", 1, flags, p,
					  pack_fn, NULL, NULL, packer_destroy);
}
