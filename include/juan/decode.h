/* decode: the bytes of a file → juan's normalised text.
 *
 * Detects the encoding (UTF-8 with or without BOM, UTF-16LE/BE with BOM, else
 * GB18030 — a superset of GBK and GB2312), converts to UTF-8 with iconv,
 * removes the BOM, turns CRLF and CR into LF and applies Unicode NFC
 * (utf8proc).  Full-width characters are kept as written. */
#ifndef JUAN_DECODE_H
#define JUAN_DECODE_H

#include <stddef.h>

#include "juan/status.h"

enum text_encoding {
	ENC_UTF8,
	ENC_UTF8_BOM,
	ENC_UTF16LE,
	ENC_UTF16BE,
	ENC_GB18030,
};

/* "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "GB18030". */
const char *decode_encoding_name(enum text_encoding enc);

/* Decodes bytes[0..len).  On JUAN_OK stores the normalised, NUL-terminated
 * UTF-8 text in *out (caller frees), its length in *out_len and the detected
 * encoding in *enc (may be NULL), and writes into why[0..whysize) "" — or,
 * when it repaired mojibake (below), "mojibake repaired: UTF-8 read as
 * PAGE".  Returns JUAN_ENOTTEXT when the bytes are no text juan reads (NUL
 * bytes outside UTF-16 or a NUL character in it, invalid in every candidate
 * encoding, control characters that mark a binary), with a short reason
 * such as "NUL byte at offset 12" written into why (why may be NULL), also
 * when iconv has no converter for
 * the encoding; JUAN_ENOMEM when out of memory.  UTF-8 with a few malformed
 * bytes among many well-formed characters (a file cut mid-character) stays
 * UTF-8, each bad byte becoming U+FFFD; other bytes that are not UTF-8 but
 * are valid GB18030 decode as GB18030.  Mojibake — UTF-8 that was read
 * as another code page (Mac Cyrillic, CP1251, CP1252, Latin-1, GB18030)
 * and saved as UTF-8 again, 中华人民 as дЄ≠еНОдЇЇж∞С — is repaired when
 * encoding it back into that page gives Chinese UTF-8 exactly (*enc is
 * then ENC_UTF8), else refused with JUAN_ENOTTEXT and a reason that names
 * the page.  An empty file decodes to empty text. */
enum juan_status decode_text(const void *bytes, size_t len, char **out,
			     size_t *out_len, enum text_encoding *enc,
			     char *why, size_t whysize);

#endif
