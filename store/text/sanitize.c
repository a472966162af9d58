/* sanitize: control and bidi characters out of everything juan shows;
 * file names quoted as `ls` quotes them.  See include/juan/sanitize.h. */
#include <stdlib.h>
#include <string.h>

#include "juan/sanitize.h"
#include "juan/text.h"

bool
sanitize_is_control(uint32_t cp)
{
	return (cp < 0x20 && (cp < '\t' || cp > '\r')) || cp == 0x7F ||
	       (cp >= 0x80 && cp < 0xA0) || cp == 0x061C || cp == 0x200E ||
	       cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* What replaces the character cp (n bytes at s, rest bytes left) in mode:
 * writes it to rep and returns its length, or returns 0 when the character
 * stays as it is.  *skip gets the bytes consumed (a CR LF is one LF). */
static size_t
replace(const char *s, size_t n, size_t rest, uint32_t cp,
	enum sanitize_mode mode, char rep[4], size_t *skip)
{
	*skip = n;
	if (cp == TEXT_REPLACEMENT && n == 3 && memcmp(s, "\xEF\xBF\xBD", 3) == 0)
		return 0;
	if (cp == TEXT_REPLACEMENT || sanitize_is_control(cp))
		return text_put(SANITIZE_PLACEHOLDER, rep);
	if (cp < '\t' || cp > '\r')
		return 0;
	if (mode == SANITIZE_LINE) {
		rep[0] = ' ';
		return 1;
	}
	if (mode == SANITIZE_TEXT) {
		if (cp == '\t' || cp == '\n')
			return 0;
		if (cp == '\r' && rest > 1 && s[1] == '\n') {
			rep[0] = '\n';
			*skip = 2;
			return 1;
		}
	}
	return text_put(SANITIZE_PLACEHOLDER, rep);
}

/* Hands s[0..len) sanitised to emit, in runs: the clean stretches as they
 * are, each replacement on its own.  Stops at emit's first non-zero return
 * and returns it; 0 when all was handed over. */
static int
walk(const char *s, size_t len, enum sanitize_mode mode,
     int (*emit)(void *ctx, const char *b, size_t n), void *ctx)
{
	size_t i = 0, start = 0, n, r, skip;
	uint32_t cp;
	char rep[4];
	int rc;

	while (i < len) {
		n = text_next(s + i, len - i, &cp);
		r = replace(s + i, n, len - i, cp, mode, rep, &skip);
		if (r) {
			if ((rc = emit(ctx, s + start, i - start)) != 0 ||
			    (rc = emit(ctx, rep, r)) != 0)
				return rc;
			start = i + skip;
		}
		i += skip;
	}
	return emit(ctx, s + start, len - start);
}

struct buffer {
	char *out;
	size_t len;
};

static int
emit_buffer(void *ctx, const char *b, size_t n)
{
	struct buffer *buf = ctx;

	memcpy(buf->out + buf->len, b, n);
	buf->len += n;
	return 0;
}

static int
emit_file(void *ctx, const char *b, size_t n)
{
	return fwrite(b, 1, n, ctx) == n ? 0 : EOF;
}

size_t
sanitize_into(const char *s, size_t len, enum sanitize_mode mode, char *out)
{
	struct buffer buf = {out, 0};

	walk(s, len, mode, emit_buffer, &buf);
	out[buf.len] = '\0';
	return buf.len;
}

char *
sanitize_dup(const char *s, size_t len, enum sanitize_mode mode)
{
	char *out = malloc(3 * len + 1);

	if (out)
		sanitize_into(s, len, mode, out);
	return out;
}

int
sanitize_write(const char *s, size_t len, enum sanitize_mode mode, FILE *out)
{
	return walk(s, len, mode, emit_file, out);
}

int
sanitize_puts(const char *s, enum sanitize_mode mode, FILE *out)
{
	return s ? sanitize_write(s, strlen(s), mode, out) : 0;
}

/* Characters a shell takes as they are, as `ls` leaves them unquoted. */
static bool
shell_plain(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80 ||
	       strchr("-_./+,:@%=^", c) != NULL;
}

/* Appends the $'…' escape of byte c (a control or malformed byte) to out. */
static size_t
escape_byte(unsigned char c, char *out)
{
	static const char letters[] = "abtnvfr";

	if (c >= '\a' && c <= '\r') {
		out[0] = '\\';
		out[1] = letters[c - '\a'];
		return 2;
	}
	out[0] = '\\';
	out[1] = (char)('0' + (c >> 6));
	out[2] = (char)('0' + ((c >> 3) & 7));
	out[3] = (char)('0' + (c & 7));
	return 4;
}

/* name in $'…': every control, C1, bidi and malformed character escaped. */
static char *
dollar_quote(const char *name, size_t len)
{
	char *out = malloc(8 * len + 4), *p;
	size_t i = 0, n, k;
	uint32_t cp;

	if (!out)
		return NULL;
	p = out;
	*p++ = '$';
	*p++ = '\'';
	while (i < len) {
		n = text_next(name + i, len - i, &cp);
		if (cp >= 0x0600 && sanitize_is_control(cp)) {
			p += sprintf(p, "\\u%04X", (unsigned)cp);
		} else if ((cp == TEXT_REPLACEMENT && n == 1) ||
			   sanitize_is_control(cp) || cp < 0x20) {
			for (k = 0; k < n; k++)
				p += escape_byte((unsigned char)name[i + k], p);
		} else {
			if (cp == '\\' || cp == '\'')
				*p++ = '\\';
			memcpy(p, name + i, n);
			p += n;
		}
		i += n;
	}
	*p++ = '\'';
	*p = '\0';
	return out;
}

char *
sanitize_name(const char *name)
{
	size_t len, i, n;
	bool plain = true;
	uint32_t cp;
	char *out, *p;

	if (!name)
		return NULL;
	len = strlen(name);
	for (i = 0; i < len; i += n) {
		n = text_next(name + i, len - i, &cp);
		if ((cp == TEXT_REPLACEMENT && n == 1) || cp < 0x20 ||
		    sanitize_is_control(cp))
			return dollar_quote(name, len);
		if (!shell_plain((unsigned char)name[i]))
			plain = false;
	}
	if (plain && len > 0)
		return strdup(name);
	out = malloc(4 * len + 3);
	if (!out)
		return NULL;
	p = out;
	*p++ = '\'';
	for (i = 0; i < len; i++) {
		if (name[i] == '\'') {
			memcpy(p, "'\\''", 4);
			p += 4;
		} else {
			*p++ = name[i];
		}
	}
	*p++ = '\'';
	*p = '\0';
	return out;
}
