/* pack: a document's text stored as a zstd frame (pack.h), and the SQL
 * functions that read it back. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zstd.h>
#include <zstd_errors.h>

#include "juan/pack.h"

/* Level 1: 2.1-2.5 times smaller for Chinese text at about 240 MB/s;
 * level 3 gains 5% of size for 20% more time. */
#define PACK_LEVEL 1

/* No text juan stores is longer (SQLite's default SQLITE_MAX_LENGTH). */
#define PACK_MAX_TEXT 1000000000ull

struct packer {
	ZSTD_CCtx *cctx;
};

struct packer *
packer_new(void)
{
	struct packer *p = malloc(sizeof(*p));

	if (!p)
		return NULL;
	if (!(p->cctx = ZSTD_createCCtx())) {
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
	ZSTD_freeCCtx((*p)->cctx);
	free(*p);
	*p = NULL;
}

enum juan_status
pack_text(struct packer *p, const char *text, size_t len, void **blob,
	  size_t *blob_len)
{
	void *frame;
	size_t n;

	*blob = NULL;
	*blob_len = 0;
	if (len < PACK_MIN_BYTES)
		return JUAN_OK;
	/* room for a frame smaller than the text only: a larger one is not
	 * kept, and zstd says so (dstSize_tooSmall) */
	if (!(frame = malloc(len - 1)))
		return JUAN_ENOMEM;
	n = ZSTD_compressCCtx(p->cctx, frame, len - 1, text, len, PACK_LEVEL);
	if (ZSTD_isError(n)) {
		free(frame);
		return ZSTD_getErrorCode(n) == ZSTD_error_memory_allocation
			       ? JUAN_ENOMEM
			       : JUAN_OK;
	}
	*blob = frame;
	*blob_len = n;
	return JUAN_OK;
}

/* Decompresses the frame into out[0..cap), stopping when it is full. */
static size_t
unpack_into(ZSTD_DCtx *d, const void *blob, size_t len, char *out,
	    size_t cap)
{
	ZSTD_inBuffer in = {blob, len, 0};
	ZSTD_outBuffer o = {out, cap, 0};
	size_t r;

	ZSTD_DCtx_reset(d, ZSTD_reset_session_only);
	do {
		r = ZSTD_decompressStream(d, &o, &in);
	} while (!ZSTD_isError(r) && r != 0 && o.pos < cap && in.pos < len);
	if (ZSTD_isError(r))
		return r;
	if (r != 0 && o.pos < cap) /* the frame ends early */
		return (size_t)-ZSTD_error_srcSize_wrong;
	return o.pos;
}

static enum juan_status
unpack_with(ZSTD_DCtx *d, const void *blob, size_t len, size_t limit,
	    char **text, size_t *text_len, char *why, size_t whysize)
{
	unsigned long long size = ZSTD_getFrameContentSize(blob, len);
	size_t want, got;
	char *out;

	*text = NULL;
	*text_len = 0;
	if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
	    size > PACK_MAX_TEXT) {
		snprintf(why, whysize, "not a packed text");
		return JUAN_EINVAL;
	}
	/* a cut needs the byte after it, to tell where its character starts */
	want = limit && limit < size ? limit + 1 : (size_t)size;
	if (!(out = malloc(want + 1)))
		return JUAN_ENOMEM;
	got = unpack_into(d, blob, len, out, want);
	if (ZSTD_isError(got) || got != want) {
		snprintf(why, whysize, "damaged packed text (%s)",
			 ZSTD_isError(got) ? ZSTD_getErrorName(got)
					   : "shorter than it says");
		free(out);
		return JUAN_EINVAL;
	}
	if (want > limit && limit) {
		got = limit;
		while (got > 0 && ((unsigned char)out[got] & 0xC0) == 0x80)
			got--;
	}
	out[got] = '\0';
	*text = out;
	*text_len = got;
	return JUAN_OK;
}

enum juan_status
unpack_text(const void *blob, size_t len, size_t limit, char **text,
	    size_t *text_len, char *why, size_t whysize)
{
	ZSTD_DCtx *d = ZSTD_createDCtx();
	enum juan_status rc;

	*text = NULL;
	*text_len = 0;
	if (!d)
		return JUAN_ENOMEM;
	rc = unpack_with(d, blob, len, limit, text, text_len, why, whysize);
	ZSTD_freeDCtx(d);
	return rc;
}

/* ---- SQL ------------------------------------------------------------ */

/* The contexts of one connection's functions, freed with it. */
struct pack_sql {
	ZSTD_DCtx *dctx;
	struct packer *packer;
};

static void
pack_sql_free(void *arg)
{
	struct pack_sql *ps = arg;

	ZSTD_freeDCtx(ps->dctx);
	packer_free(&ps->packer);
	free(ps);
}

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
	struct pack_sql *ps = sqlite3_user_data(ctx);
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
	rc = unpack_with(ps->dctx, sqlite3_value_blob(argv[0]),
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
	struct pack_sql *ps = sqlite3_user_data(ctx);
	const char *t;
	void *blob = NULL;
	size_t len = 0;

	(void)argc;
	if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	if (!(t = (const char *)sqlite3_value_text(argv[0])) ||
	    pack_text(ps->packer, t, (size_t)sqlite3_value_bytes(argv[0]),
		      &blob, &len) != JUAN_OK) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (blob)
		sqlite3_result_blob64(ctx, blob, len, free);
	else
		sqlite3_result_value(ctx, argv[0]);
}

int
pack_register(sqlite3 *db)
{
	struct pack_sql *ps = calloc(1, sizeof(*ps));
	int rc, flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;

	if (!ps)
		return SQLITE_NOMEM;
	ps->dctx = ZSTD_createDCtx();
	ps->packer = packer_new();
	if (!ps->dctx || !ps->packer) {
		pack_sql_free(ps);
		return SQLITE_NOMEM;
	}
	rc = sqlite3_create_function_v2(db, "juan_text", 1, flags, ps, text_fn,
					NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "juan_text", 2, flags, ps,
						text_fn, NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		pack_sql_free(ps);
		return rc;
	}
	/* the last registration owns ps: SQLite frees it with the connection,
	 * or at once when the registration fails */
	return sqlite3_create_function_v2(db, "juan_pack", 1, flags, ps,
					  pack_fn, NULL, NULL, pack_sql_free);
}
