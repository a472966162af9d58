/* decode: encoding detection, conversion to UTF-8 and normalisation. */
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "juan/array.h"
#include "juan/decode.h"
#include "juan/text.h"

/* Code points that NFC leaves alone whatever surrounds them: combining
 * class 0, no canonical decomposition (or an NFC-stable precomposed letter
 * below U+0300), and no canonical composition with one another.  Text made
 * of these alone is NFC already, which spares utf8proc_map on almost every
 * Chinese document.  Not here, because NFC changes them or what follows:
 * U+0300 and up in general (combining marks, Greek, Hangul), kana (they
 * take U+3099), U+2000–U+200F, U+302A–U+302F, the math and arrow blocks,
 * and the CJK compatibility ideographs U+F900–U+FAFF and U+2F800–U+2FA1F. */
static const struct {
	uint32_t lo, hi;
} nfc_inert_ranges[] = {
	{ 0x2010, 0x2027 },   /* dashes, quotes, … */
	{ 0x2030, 0x205E },   /* ‰, ※ and other general punctuation */
	{ 0x2070, 0x20C0 },   /* super- and subscripts, currency */
	{ 0x2150, 0x218F },   /* number forms: Ⅰ Ⅱ Ⅲ */
	{ 0x2460, 0x24FF },   /* enclosed alphanumerics: ① ⑴ ⒈ */
	{ 0x2500, 0x26FF },   /* box drawing, shapes, symbols: ○ ■ ★ */
	{ 0x3000, 0x3029 },   /* CJK punctuation before the tone marks */
	{ 0x3030, 0x303F },
	{ 0x3200, 0x33FF },   /* enclosed CJK, CJK compatibility: ㈠ ㎡ */
	{ 0x3400, 0x4DBF },   /* CJK extension A */
	{ 0x4E00, 0x9FFF },   /* CJK unified ideographs */
	{ 0xE000, 0xF8FF },   /* private use */
	{ 0xFE30, 0xFE6F },   /* CJK compatibility and small forms */
	{ 0xFF00, 0xFFEF },   /* half- and full-width forms */
	{ 0x20000, 0x2F7FF }, /* CJK extensions B–F */
	{ 0x30000, 0x3FFFF }, /* CJK extensions G–H */
};

static bool
nfc_inert_range(uint32_t cp)
{
	size_t lo = 0, hi, mid;

	hi = sizeof(nfc_inert_ranges) / sizeof(nfc_inert_ranges[0]);
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < nfc_inert_ranges[mid].lo)
			hi = mid;
		else if (cp > nfc_inert_ranges[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* nfc_inert_range(), with Latin and the unified ideographs (almost every
 * character of a text) answered in line. */
static inline bool
nfc_inert(uint32_t cp)
{
	return cp < 0x300 || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       nfc_inert_range(cp);
}

/* What one pass over (supposedly) UTF-8 text finds; offsets are from the
 * start of the scanned bytes. */
struct scan {
	size_t bad;        /* the first malformed sequence, or the length */
	size_t nbad;       /* malformed bytes */
	size_t multibyte;  /* well-formed sequences of two bytes or more */
	size_t nul;        /* the first NUL byte, or the length */
	size_t controls;   /* C0 controls other than \t \n \f \r */
	size_t control_at; /* where the first of those is */
	unsigned char control;
	bool cr;           /* has a '\r' */
	bool nfc;          /* has a code point that NFC may change */
};

static void
scan_utf8(const char *s, size_t len, struct scan *sc)
{
	size_t i = 0, n;
	unsigned char c;
	uint32_t cp;

	memset(sc, 0, sizeof(*sc));
	sc->bad = sc->nul = sc->control_at = len;
	while (i < len) {
		c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x80) {
			i++;
			continue;
		}
		if (c < 0x20) {
			if (c == '\r') {
				sc->cr = true;
			} else if (c == 0) {
				if (sc->nul == len)
					sc->nul = i;
			} else if (c != '\t' && c != '\n' && c != '\f') {
				if (sc->controls++ == 0) {
					sc->control_at = i;
					sc->control = c;
				}
			}
			i++;
			continue;
		}
		if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < len &&
		    ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
		    ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
			/* the three-byte forms that cannot be overlong or
			 * surrogates: U+1000–U+FFFF less U+D000–U+DFFF,
			 * where CJK text and full-width punctuation are */
			cp = (uint32_t)(c & 0x0F) << 12 |
			     (uint32_t)((unsigned char)s[i + 1] & 0x3F) << 6 |
			     ((unsigned char)s[i + 2] & 0x3F);
			if (!sc->nfc && !nfc_inert(cp))
				sc->nfc = true;
			sc->multibyte++;
			i += 3;
			continue;
		}
		n = text_next(s + i, len - i, &cp);
		if (n == 1) {
			/* text_next takes one byte only when it is malformed */
			if (sc->bad == len)
				sc->bad = i;
			sc->nbad++;
		} else {
			sc->multibyte++;
			if (!sc->nfc && !nfc_inert(cp))
				sc->nfc = true;
		}
		i += n;
	}
}

/* Text has a stray control character now and then (a vertical tab from a
 * word processor, a DOS end-of-file mark); a binary has many. */
static bool
too_many_controls(const struct scan *sc, size_t len)
{
	return sc->controls >= 4 && sc->controls > len / 32;
}

static void
set_why(char *why, size_t whysize, const char *fmt, ...)
{
	va_list ap;

	if (why == NULL || whysize == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(why, whysize, fmt, ap);
	va_end(ap);
}

/* Converts bytes[0..len) from the encoding from to UTF-8 in a new buffer
 * with room for a NUL (*out, caller frees; *out_len bytes).  On JUAN_ENOTTEXT
 * *bad_at is the offset of the first byte that is not valid in from;
 * JUAN_EIO when iconv has no converter for it. */
static enum juan_status
convert(const char *from, const char *bytes, size_t len, char **out,
	size_t *out_len, size_t *bad_at)
{
	iconv_t cd;
	char *buf = NULL, *grown, *in, *o;
	size_t cap, inleft, oleft, done;
	enum juan_status rc = JUAN_OK;

	*out = NULL;
	if (len > SIZE_MAX / 2 - 16)
		return JUAN_ENOMEM;
	cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return errno == ENOMEM ? JUAN_ENOMEM : JUAN_EIO;
	/* 3 bytes of UTF-8 for every 2 of UTF-16 or GB18030 at most */
	cap = len + len / 2 + 16;
	buf = malloc(cap);
	if (buf == NULL) {
		rc = JUAN_ENOMEM;
		goto done;
	}
	in = (char *)bytes;
	inleft = len;
	o = buf;
	oleft = cap - 1;
	while (inleft > 0) {
		if (iconv(cd, &in, &inleft, &o, &oleft) != (size_t)-1)
			continue;
		if (errno != E2BIG) {
			*bad_at = (size_t)(in - bytes);
			rc = JUAN_ENOTTEXT;
			goto done;
		}
		done = (size_t)(o - buf);
		grown = array_reserve(buf, &cap, cap + 1, 1);
		if (grown == NULL) {
			rc = JUAN_ENOMEM;
			goto done;
		}
		buf = grown;
		o = buf + done;
		oleft = cap - 1 - done;
	}
	*out_len = (size_t)(o - buf);
	*out = buf;
	buf = NULL;
done:
	free(buf);
	iconv_close(cd);
	return rc;
}

/* Mojibake: UTF-8 that was once read as another code page and saved again
 * as UTF-8 (中华人民 seen as дЄ≠еНОдЇЇж∞С, ä¸­å..., 涓崕浜烘皯).  Encoding
 * the text back into that code page gives the original bytes. */
static const struct {
	const char *name;
	bool han; /* what it makes of UTF-8 is Han characters, not letters */
} mojibake_pages[] = {
	{ "CP1252", false },
	{ "ISO-8859-1", false },
	{ "MACCYRILLIC", false },
	{ "CP1251", false },
	{ "GB18030", true },
};

#define MOJIBAKE_PROBE 768  /* bytes of text looked at to detect it */
#define MOJIBAKE_MIN_HAN 8  /* Han characters the bytes must spell */

/* Encodes UTF-8 s[0..len) into page, leaving out what page cannot encode
 * (counted in *lost).  *out: caller frees; NULL when iconv has no
 * converter.  Returns JUAN_ENOMEM or JUAN_OK. */
static enum juan_status
encode_into(const char *page, const char *s, size_t len, char **out,
	    size_t *out_len, size_t *lost)
{
	iconv_t cd;
	char *in = (char *)s, *o;
	size_t inleft = len, oleft, n;
	uint32_t cp;

	*out = NULL;
	*lost = 0;
	cd = iconv_open(page, "UTF-8");
	if (cd == (iconv_t)-1)
		return errno == ENOMEM ? JUAN_ENOMEM : JUAN_OK;
	*out = malloc(len + 1); /* every page takes at most UTF-8's bytes */
	if (*out == NULL) {
		iconv_close(cd);
		return JUAN_ENOMEM;
	}
	o = *out;
	oleft = len;
	while (inleft > 0 &&
	       iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1) {
		if (errno == E2BIG)
			break;
		(*lost)++;
		n = text_next(in, inleft, &cp);
		in += n;
		inleft -= n;
	}
	*out_len = (size_t)(o - *out);
	iconv_close(cd);
	return JUAN_OK;
}

/* Whether bytes[0..len) are UTF-8 that spells Chinese: at least
 * MOJIBAKE_MIN_HAN Han characters and no more malformed bytes (a cut at
 * the end aside) than Han characters: a reading that lost bytes leaves
 * some, text in another script next to no Han.  *exact: none at all. */
static bool
spells_chinese(const char *b, size_t len, bool *exact)
{
	size_t i = 0, n, han = 0, bad = 0;
	uint32_t cp;

	while (i < len) {
		n = text_next(b + i, len - i, &cp);
		if (n == 1 && (unsigned char)b[i] >= 0x80 && len - i >= 4)
			bad++;
		else if (text_is_han(cp))
			han++;
		i += n;
	}
	*exact = bad == 0;
	return han >= MOJIBAKE_MIN_HAN && bad <= han;
}

/* Whether most characters of s[0..len) beyond ASCII are Han: a page that
 * makes Han characters of UTF-8 is then the one to try, else one that
 * makes letters. */
static bool
han_majority(const char *s, size_t len)
{
	size_t i = 0, han = 0, other = 0;
	uint32_t cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		i += text_next(s + i, len - i, &cp);
		if (text_is_han(cp))
			han++;
		else
			other++;
	}
	return han > other;
}

/* Looks for mojibake in the UTF-8 text s[0..len).  On JUAN_OK *fixed is
 * NULL when there is none, else the original bytes (caller frees, *fixed_len
 * bytes) and *page the code page it was read as; JUAN_ENOTTEXT with a
 * reason in why when there is mojibake that does not go back exactly. */
static enum juan_status
find_mojibake(const char *s, size_t len, char **fixed, size_t *fixed_len,
	      const char **page, char *why, size_t whysize)
{
	size_t probe = len < MOJIBAKE_PROBE ? len : MOJIBAKE_PROBE, i, lost, n;
	enum juan_status rc;
	char *b;
	bool found, exact, mostly_han;

	*fixed = NULL;
	while (probe < len && ((unsigned char)s[probe] & 0xC0) == 0x80)
		probe--; /* not in the middle of a character */
	mostly_han = han_majority(s, probe);
	for (i = 0; i < sizeof(mojibake_pages) / sizeof(mojibake_pages[0]);
	     i++) {
		if (mojibake_pages[i].han != mostly_han)
			continue;
		rc = encode_into(mojibake_pages[i].name, s, probe, &b, &n,
				 &lost);
		if (rc != JUAN_OK)
			return rc;
		found = b != NULL && spells_chinese(b, n, &exact) &&
			lost * 8 < n;
		free(b);
		if (!found)
			continue;
		rc = encode_into(mojibake_pages[i].name, s, len, &b, &n,
				 &lost);
		if (rc != JUAN_OK)
			return rc;
		if (b != NULL && lost == 0 && spells_chinese(b, n, &exact) &&
		    exact) {
			*fixed = b;
			*fixed_len = n;
			*page = mojibake_pages[i].name;
			return JUAN_OK;
		}
		free(b);
		set_why(why, whysize, "mojibake: UTF-8 read as %s, which "
			"does not convert back exactly", mojibake_pages[i].name);
		return JUAN_ENOTTEXT;
	}
	return JUAN_OK;
}

/* Copies src[0..len) to dst turning CRLF and lone CR into LF; returns the
 * bytes written.  dst may be src. */
static size_t
copy_lf(char *dst, const char *src, size_t len)
{
	size_t i = 0, n = 0, run;
	const char *cr;

	while (i < len) {
		cr = memchr(src + i, '\r', len - i);
		run = (cr != NULL ? (size_t)(cr - src) : len) - i;
		memmove(dst + n, src + i, run);
		n += run;
		i += run;
		if (cr == NULL)
			break;
		dst[n++] = '\n';
		i += i + 1 < len && src[i + 1] == '\n' ? 2 : 1;
	}
	return n;
}

const char *
decode_encoding_name(enum text_encoding enc)
{
	switch (enc) {
	case ENC_UTF8: return "UTF-8";
	case ENC_UTF8_BOM: return "UTF-8 (BOM)";
	case ENC_UTF16LE: return "UTF-16LE";
	case ENC_UTF16BE: return "UTF-16BE";
	case ENC_GB18030: return "GB18030";
	}
	return "unknown";
}

/* UTF-16 with a BOM (skipped): convert, then look at the text. */
static enum juan_status
decode_utf16(const char *b, size_t len, enum text_encoding e, char **buf,
	     size_t *n, struct scan *sc, char *why, size_t whysize)
{
	const char *name = decode_encoding_name(e);
	enum juan_status rc;
	size_t bad_at = 0;

	rc = convert(name, b + 2, len - 2, buf, n, &bad_at);
	if (rc == JUAN_ENOTTEXT)
		set_why(why, whysize, "invalid %s at offset %zu", name,
			bad_at + 2);
	else if (rc == JUAN_EIO) {
		set_why(why, whysize, "iconv cannot convert %s", name);
		rc = JUAN_ENOTTEXT;
	}
	if (rc != JUAN_OK)
		return rc;
	scan_utf8(*buf, *n, sc);
	if (sc->nul < *n) {
		set_why(why, whysize, "NUL character in %s text", name);
		return JUAN_ENOTTEXT;
	}
	return JUAN_OK;
}

/* UTF-8 damaged here and there — a file cut in the middle of a character,
 * a stray byte from a bad copy — rather than text in another encoding: well
 * formed multi-byte sequences abound and malformed bytes are rare.  Such a
 * file must not be read as GB18030, which accepts almost any pair of bytes
 * and would turn the whole document into nonsense. */
static bool
damaged_utf8(const struct scan *sc)
{
	return sc->multibyte >= 16 && sc->nbad * 20 <= sc->multibyte;
}

/* Copies the UTF-8 text src[0..len), which has nbad malformed bytes, into a
 * new buffer (*out, caller frees, with room for a NUL) with U+FFFD in place
 * of each malformed byte; stores the length in *out_len. */
static enum juan_status
repair_utf8(const char *src, size_t len, size_t nbad, char **out,
	    size_t *out_len)
{
	char *buf = malloc(len + 2 * nbad + 1);
	size_t i = 0, n = 0, step;
	uint32_t cp;

	if (buf == NULL)
		return JUAN_ENOMEM;
	while (i < len) {
		step = text_next(src + i, len - i, &cp);
		if (step == 1 && (unsigned char)src[i] >= 0x80) {
			n += text_put(TEXT_REPLACEMENT, buf + n);
		} else {
			memcpy(buf + n, src + i, step);
			n += step;
		}
		i += step;
	}
	*out = buf;
	*out_len = n;
	return JUAN_OK;
}

/* Anything else: UTF-8, with or without a BOM, or else GB18030. */
static enum juan_status
decode_bytes(const char *b, size_t len, enum text_encoding *e, char **buf,
	     size_t *n, struct scan *sc, char *why, size_t whysize)
{
	size_t skip = 0, bad_at = 0;
	const char *nul;
	struct scan raw;
	enum juan_status rc;

	nul = memchr(b, 0, len);
	if (nul != NULL) {
		set_why(why, whysize, "NUL byte at offset %zu",
			(size_t)(nul - b));
		return JUAN_ENOTTEXT;
	}
	if (len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
		skip = 3;
	*e = skip ? ENC_UTF8_BOM : ENC_UTF8;
	scan_utf8(b + skip, len - skip, &raw);
	raw.control_at += skip;
	*sc = raw;
	if (raw.bad == len - skip) {
		*buf = malloc(len - skip + 1);
		if (*buf == NULL)
			return JUAN_ENOMEM;
		if (raw.cr) {
			*n = copy_lf(*buf, b + skip, len - skip);
			sc->cr = false;
		} else {
			memcpy(*buf, b + skip, len - skip);
			*n = len - skip;
		}
		return JUAN_OK;
	}
	if (damaged_utf8(&raw)) {
		rc = repair_utf8(b + skip, len - skip, raw.nbad, buf, n);
		if (rc == JUAN_OK)
			scan_utf8(*buf, *n, sc);
		return rc;
	}
	if (skip) {
		set_why(why, whysize, "invalid UTF-8 at offset %zu",
			raw.bad + skip);
		return JUAN_ENOTTEXT;
	}
	rc = convert("GB18030", b, len, buf, n, &bad_at);
	if (rc == JUAN_ENOTTEXT)
		set_why(why, whysize, "invalid UTF-8 at offset %zu and invalid "
			"GB18030 at offset %zu", raw.bad, bad_at);
	else if (rc == JUAN_EIO) {
		set_why(why, whysize, "iconv cannot convert GB18030");
		rc = JUAN_ENOTTEXT;
	}
	if (rc != JUAN_OK)
		return rc;
	*e = ENC_GB18030;
	/* GB18030 keeps ASCII as it is: the controls counted in the bytes
	 * are the text's, at the offsets the file has them */
	scan_utf8(*buf, *n, sc);
	sc->controls = raw.controls;
	sc->control_at = raw.control_at;
	sc->control = raw.control;
	return JUAN_OK;
}

enum juan_status
decode_text(const void *bytes, size_t len, char **out, size_t *out_len,
	    enum text_encoding *enc, char *why, size_t whysize)
{
	const char *b = bytes;
	enum text_encoding e;
	struct scan sc;
	char *buf = NULL, *fixed = NULL;
	const char *page = NULL;
	size_t fixed_len = 0;
	utf8proc_uint8_t *nfc;
	utf8proc_ssize_t m;
	size_t n = 0;
	enum juan_status rc;

	*out = NULL;
	*out_len = 0;
	set_why(why, whysize, "%s", "");
	if (len >= 2 && memcmp(b, "\xFF\xFE", 2) == 0) {
		e = ENC_UTF16LE;
		rc = decode_utf16(b, len, e, &buf, &n, &sc, why, whysize);
	} else if (len >= 2 && memcmp(b, "\xFE\xFF", 2) == 0) {
		e = ENC_UTF16BE;
		rc = decode_utf16(b, len, e, &buf, &n, &sc, why, whysize);
	} else {
		rc = decode_bytes(b, len, &e, &buf, &n, &sc, why, whysize);
	}
	if (rc != JUAN_OK)
		goto done;
	if (e == ENC_UTF8 || e == ENC_UTF8_BOM) {
		rc = find_mojibake(buf, n, &fixed, &fixed_len, &page, why,
				   whysize);
		if (rc != JUAN_OK)
			goto done;
		if (fixed != NULL) {
			rc = decode_text(fixed, fixed_len, out, out_len, enc,
					 why, whysize);
			if (rc == JUAN_OK)
				set_why(why, whysize, "mojibake repaired: "
					"UTF-8 read as %s", page);
			goto done;
		}
	}
	if (too_many_controls(&sc, n)) {
		set_why(why, whysize, "%zu control characters, the first "
			"(0x%02X) at offset %zu", sc.controls, sc.control,
			sc.control_at);
		rc = JUAN_ENOTTEXT;
		goto done;
	}
	/* a BOM inside converted text (GB18030 has one too) */
	if (e != ENC_UTF8 && e != ENC_UTF8_BOM && n >= 3 &&
	    memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		memmove(buf, buf + 3, n - 3);
		n -= 3;
	}
	if (sc.cr)
		n = copy_lf(buf, buf, n);
	if (sc.nfc) {
		m = utf8proc_map((const utf8proc_uint8_t *)buf, (utf8proc_ssize_t)n,
				 &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (m < 0) {
			rc = m == UTF8PROC_ERROR_NOMEM ? JUAN_ENOMEM
						       : JUAN_ENOTTEXT;
			set_why(why, whysize, "normalisation failed: %s",
				utf8proc_errmsg(m));
			goto done;
		}
		free(buf);
		buf = (char *)nfc;
		n = (size_t)m;
	}
	buf[n] = '\0';
	*out = buf;
	*out_len = n;
	buf = NULL;
	if (enc != NULL)
		*enc = e;
done:
	free(fixed);
	free(buf);
	return rc;
}
