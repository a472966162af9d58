/* Tests of decode: encodings, BOMs, line endings, NFC and what is refused. */
#include <iconv.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <utf8proc.h>

#include "juan/decode.h"
#include "juan/text.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
/* A byte string literal and its length, NUL bytes included. */
#define BYTES(s) s, sizeof(s) - 1

static const char policy[] =
	"国务院办公厅关于印发《“十四五”数字经济发展规划》的通知\n"
	"国办发〔2022〕1号\n\n"
	"各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
	"　　经国务院同意，现将《“十四五”数字经济发展规划》印发给你们，"
	"请认真贯彻执行。到2025年，数字经济核心产业增加值占GDP比重达到10%。\n"
	"　　一、总体要求（一）指导思想①②③；面积约30㎡，温度≤25℃。\n";

/* decode_text on bytes[0..len) must succeed with want and encoding enc. */
static void
expect_text(const char *bytes, size_t len, const char *want, size_t want_len,
	    enum text_encoding enc)
{
	char why[128] = "unset";
	char *out = NULL;
	size_t out_len = 0;
	enum text_encoding got = ENC_GB18030 + 1;
	enum juan_status rc;

	rc = decode_text(bytes, len, &out, &out_len, &got, why, sizeof(why));
	if (rc != JUAN_OK)
		fail_msg("decode failed: %s (%s)", juan_strstatus(rc), why);
	assert_string_equal(why, "");
	assert_int_equal(got, enc);
	assert_int_equal(out_len, want_len);
	assert_memory_equal(out, want, want_len);
	assert_int_equal(out[out_len], '\0');
	free(out);
}

/* decode_text on bytes[0..len) must refuse them with reason. */
static void
expect_refused(const char *bytes, size_t len, const char *reason)
{
	char why[128] = "unset";
	char *out = (char *)"unset";
	size_t out_len = 99;
	enum juan_status rc;

	rc = decode_text(bytes, len, &out, &out_len, NULL, why, sizeof(why));
	assert_int_equal(rc, JUAN_ENOTTEXT);
	assert_null(out);
	assert_int_equal(out_len, 0);
	if (strcmp(why, reason) != 0)
		fail_msg("reason \"%s\", want \"%s\"", why, reason);
}

static void
test_encodings(void **state)
{
	static const struct {
		const char *in;
		size_t len;
		const char *want;
		enum text_encoding enc;
	} cases[] = {
		{ BYTES(""), "", ENC_UTF8 },
		{ BYTES("第一条　总则\n"), "第一条　总则\n", ENC_UTF8 },
		{ BYTES("plain ASCII\n"), "plain ASCII\n", ENC_UTF8 },
		{ BYTES("\xEF\xBB\xBF通知"), "通知", ENC_UTF8_BOM },
		{ BYTES("\xEF\xBB\xBF"), "", ENC_UTF8_BOM },
		/* a BOM later on is a character like any other */
		{ BYTES("通\xEF\xBB\xBF知"), "通\xEF\xBB\xBF知", ENC_UTF8 },
		{ BYTES("\xFF\xFE\x2D\x4E\x87\x65"), "中文", ENC_UTF16LE },
		{ BYTES("\xFE\xFF\x4E\x2D\x65\x87"), "中文", ENC_UTF16BE },
		{ BYTES("\xFF\xFE"), "", ENC_UTF16LE },
		{ BYTES("\xFF\xFE\x40\xD8\x00\xDC"), "\xF0\xA0\x80\x80",
		  ENC_UTF16LE },                        /* 𠀀, a surrogate pair */
		{ BYTES("\xFE\xFF\x00\x41\x00\x0D\x00\x0A\x30\x02"), "A\n。",
		  ENC_UTF16BE },
		{ BYTES("\xD6\xD0\xCE\xC4"), "中文", ENC_GB18030 },
		{ BYTES("\xB9\xFA\xCE\xF1\xD4\xBA\xA3\xAC\xA1\xB0\xCA\xAE\xCB\xC4"
			"\xCE\xE5\xA1\xB1\xA1\xA3"),
		  "国务院，“十四五”。", ENC_GB18030 },
		{ BYTES("GB\xA3\xAF" "T 7714\r\n"), "GB／T 7714\n",
		  ENC_GB18030 },
		{ BYTES("\x95\x32\x82\x36"), "\xF0\xA0\x80\x80",
		  ENC_GB18030 },                        /* 𠀀, four bytes */
		{ BYTES("\x84\x31\x95\x33\xD6\xD0"), "中", ENC_GB18030 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(cases); i++)
		expect_text(cases[i].in, cases[i].len, cases[i].want,
			    strlen(cases[i].want), cases[i].enc);
}

/* Encodes text to the encoding to with iconv: the test's own encoder, so
 * that what is decoded was not written by hand. */
static char *
encode(const char *to, const char *text, size_t *len)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	size_t cap = 4 * strlen(text) + 8, inleft = strlen(text), oleft;
	char *buf = malloc(cap), *in = (char *)text, *o;

	assert_true(cd != (iconv_t)-1);
	assert_non_null(buf);
	o = buf;
	oleft = cap;
	assert_true(iconv(cd, &in, &inleft, &o, &oleft) != (size_t)-1);
	iconv_close(cd);
	*len = cap - oleft;
	return buf;
}

/* policy's UTF-8 bytes read as the code page from, as an editor that
 * guessed wrong would read them: each byte (each pair of bytes when pair)
 * that from has no character for becomes '?'.  Returns the UTF-8 of what
 * was read (caller frees) and whether every byte was read. */
static char *
misread(const char *from, bool pair, size_t *len, bool *whole)
{
	iconv_t cd = iconv_open("UTF-8", from);
	size_t n = strlen(policy), i = 0, cap = 4 * n + 8, inleft, oleft;
	char *buf = malloc(cap), *in, *o;

	assert_true(cd != (iconv_t)-1);
	assert_non_null(buf);
	o = buf;
	oleft = cap;
	*whole = true;
	while (i < n) {
		in = (char *)policy + i;
		inleft = (unsigned char)policy[i] < 0x80 || !pair || i + 1 == n ?
			 1 : 2;
		if (iconv(cd, &in, &inleft, &o, &oleft) != (size_t)-1) {
			i += (size_t)(in - (policy + i));
			continue;
		}
		iconv(cd, NULL, NULL, NULL, NULL);
		*o++ = '?';
		oleft--;
		*whole = false;
		i++;
	}
	iconv_close(cd);
	*len = cap - oleft;
	return buf;
}

/* Mojibake (UTF-8 read as another code page) goes back to the text when
 * it does so exactly, and is refused with a reason when it does not. */
static void
test_mojibake(void **state)
{
	static const struct {
		const char *page;
		bool pair;
	} pages[] = {
		{ "MACCYRILLIC", false }, /* дЄ≠еНОдЇЇж∞С */
		{ "ISO-8859-1", false },  /* ä¸­å */
		{ "CP1252", false },
		{ "GB18030", true },      /* 涓崕浜烘皯 */
	};
	enum text_encoding enc;
	char why[160], *bad, *out;
	size_t i, len, out_len;
	enum juan_status rc;
	bool whole;

	(void)state;
	for (i = 0; i < ARRAY_LEN(pages); i++) {
		bad = misread(pages[i].page, pages[i].pair, &len, &whole);
		assert_true(len != strlen(policy) ||
			    memcmp(bad, policy, len) != 0);
		rc = decode_text(bad, len, &out, &out_len, &enc, why,
				 sizeof why);
		if (whole) {
			if (rc != JUAN_OK)
				fail_msg("%s: %s", pages[i].page, why);
			assert_int_equal(enc, ENC_UTF8);
			/* the repair is said, naming the page */
			if (strstr(why, "mojibake repaired") == NULL ||
			    strstr(why, pages[i].page) == NULL)
				fail_msg("%s: repaired, why \"%s\"",
					 pages[i].page, why);
			assert_int_equal(out_len, strlen(policy));
			assert_memory_equal(out, policy, out_len);
			free(out);
		} else {
			if (rc != JUAN_ENOTTEXT)
				fail_msg("%s: not refused", pages[i].page);
			assert_null(out);
			if (strstr(why, "mojibake") == NULL ||
			    strstr(why, pages[i].page) == NULL)
				fail_msg("%s: reason \"%s\"", pages[i].page, why);
		}
		free(bad);
	}
	/* Text in other scripts is no mojibake: it stays as it is. */
	expect_text(BYTES("Ελληνικά, русский текст, café crème, Ärger\n"),
		    "Ελληνικά, русский текст, café crème, Ärger\n",
		    strlen("Ελληνικά, русский текст, café crème, Ärger\n"),
		    ENC_UTF8);
}

static void
test_round_trip(void **state)
{
	static const struct {
		const char *iconv_name;
		const char *bom;
		size_t bomlen;
		enum text_encoding enc;
	} cases[] = {
		{ "UTF-8", "", 0, ENC_UTF8 },
		{ "UTF-8", "\xEF\xBB\xBF", 3, ENC_UTF8_BOM },
		{ "UTF-16LE", "\xFF\xFE", 2, ENC_UTF16LE },
		{ "UTF-16BE", "\xFE\xFF", 2, ENC_UTF16BE },
		{ "GB18030", "", 0, ENC_GB18030 },
	};
	size_t i, len;
	char *body, *bytes;

	(void)state;
	for (i = 0; i < ARRAY_LEN(cases); i++) {
		body = encode(cases[i].iconv_name, policy, &len);
		bytes = malloc(cases[i].bomlen + len);
		assert_non_null(bytes);
		memcpy(bytes, cases[i].bom, cases[i].bomlen);
		memcpy(bytes + cases[i].bomlen, body, len);
		expect_text(bytes, cases[i].bomlen + len, policy,
			    strlen(policy), cases[i].enc);
		free(bytes);
		free(body);
	}
}

static void
test_line_endings(void **state)
{
	static const struct {
		const char *in;
		const char *want;
	} cases[] = {
		{ "第一条\r\n第二条\r\n", "第一条\n第二条\n" },
		{ "甲\r乙\r\r\n丙", "甲\n乙\n\n丙" },
		{ "\r", "\n" },
		{ "\r\n", "\n" },
		{ "\n\r", "\n\n" },
		{ "\r\r", "\n\n" },
		{ "a\r\n\r\nb", "a\n\nb" },
		{ "\xEF\xBB\xBF标题\r\n正文\r", "标题\n正文\n" },
		{ "e\xCC\x81\r\n", "\xC3\xA9\n" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(cases); i++)
		expect_text(cases[i].in, strlen(cases[i].in), cases[i].want,
			    strlen(cases[i].want),
			    strncmp(cases[i].in, "\xEF\xBB\xBF", 3) == 0
				    ? ENC_UTF8_BOM : ENC_UTF8);
}

static void
test_nfc(void **state)
{
	static const struct {
		const char *in;
		const char *want;
	} cases[] = {
		{ "e\xCC\x81", "\xC3\xA9" },                 /* é */
		{ "Caf" "e\xCC\x81 中文", "Caf\xC3\xA9 中文" },
		{ "A\xCC\x8A", "\xC3\x85" },                 /* Å */
		{ "\xE2\x84\xAB", "\xC3\x85" },              /* Å sign */
		{ "\xE1\x84\x80\xE1\x85\xA1", "\xEA\xB0\x80" }, /* 가 jamo */
		{ "\xE3\x81\x8B\xE3\x82\x99", "\xE3\x81\x8C" }, /* が → が */
		{ "\xEF\xA4\x80", "\xE8\xB1\x88" },          /* U+F900 → 豈 */
		{ "\xEF\xA9\xAA", "\xE9\xA0\xBB" },          /* U+FA6A → 頻 */
		{ "\xF0\xAF\xA0\x80", "\xE4\xB8\xBD" },      /* U+2F800 → 丽 */
		{ "\xE2\x80\x80", "\xE2\x80\x82" },          /* en quad */
		{ "\xE2\x89\xA5", "\xE2\x89\xA5" },          /* ≥ */
		{ "=\xCC\xB8", "\xE2\x89\xA0" },             /* ≠ */
		{ "a\xCC\x81\xCC\xA3", "\xE1\xBA\xA1\xCC\x81" }, /* reordered */
		/* compatibility characters are kept */
		{ "ＡＢＣ１２３，：（）", "ＡＢＣ１２３，：（）" },
		{ "①②㈠㎡Ⅲ№℃", "①②㈠㎡Ⅲ№℃" },
		{ "\xEF\xAC\x81", "\xEF\xAC\x81" },          /* ﬁ ligature */
		{ "ｶﾞ", "ｶﾞ" },                              /* half-width */
		{ "中\xE3\x80\xAA文", "中\xE3\x80\xAA文" },  /* tone mark */
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(cases); i++)
		expect_text(cases[i].in, strlen(cases[i].in), cases[i].want,
			    strlen(cases[i].want), ENC_UTF8);
}

/* What utf8proc's NFC makes of s[0..len); caller frees. */
static char *
nfc(const char *s, size_t len, size_t *out_len)
{
	utf8proc_uint8_t *out;
	utf8proc_ssize_t n;

	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
			 &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	assert_true(n >= 0);
	*out_len = (size_t)n;
	return (char *)out;
}

/* decode_text must agree with utf8proc_map on in[0..len); returns whether
 * NFC changed it. */
static int
agrees_with_nfc(const char *in, size_t len)
{
	char *want, *out;
	size_t want_len, out_len;
	int changed;

	want = nfc(in, len, &want_len);
	assert_int_equal(decode_text(in, len, &out, &out_len, NULL, NULL, 0),
			 JUAN_OK);
	if (out_len != want_len || memcmp(out, want, want_len) != 0)
		fail_msg("NFC of %zu bytes starting %02X %02X differs", len,
			 (unsigned char)in[0], (unsigned char)in[1]);
	changed = want_len != len || memcmp(want, in, len) != 0;
	free(out);
	free(want);
	return changed;
}

/* Code points that make a one-character text: no controls, no surrogates,
 * and no U+FEFF, which at the start of a file is a BOM. */
static int
is_text_cp(uint32_t cp)
{
	return cp >= 0x20 && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0x7F &&
	       cp != 0xFEFF;
}

/* The fast path that skips NFC must never skip a change: every code point
 * alone, and every canonical decomposition recomposed, between Chinese
 * characters, come out as utf8proc_map makes them. */
static void
test_nfc_fast_path(void **state)
{
	utf8proc_int32_t dec[8];
	utf8proc_ssize_t k, j;
	char buf[64];
	size_t n;
	uint32_t cp;
	int last, changed = 0, composed = 0;

	(void)state;
	for (cp = 0x20; cp <= 0x10FFFF; cp++) {
		if (!is_text_cp(cp))
			continue;
		n = text_put(cp, buf);
		changed += agrees_with_nfc(buf, n);
		k = utf8proc_decompose_char((utf8proc_int32_t)cp, dec,
					    ARRAY_LEN(dec), UTF8PROC_DECOMPOSE,
					    &last);
		if (k < 2 || k > (utf8proc_ssize_t)ARRAY_LEN(dec))
			continue;
		memcpy(buf, "中", 3);
		n = 3;
		for (j = 0; j < k; j++)
			n += text_put((uint32_t)dec[j], buf + n);
		memcpy(buf + n, "。", 3);
		composed += agrees_with_nfc(buf, n + 3);
	}
	/* the comparisons saw real changes, so they could fail */
	assert_true(changed > 1000);
	assert_true(composed > 10000);
}

static void
test_refused(void **state)
{
	static const struct {
		const char *in;
		size_t len;
		const char *reason;
	} cases[] = {
		{ BYTES("abc\0def"), "NUL byte at offset 3" },
		{ BYTES("\x7F" "ELF\x02\x01\x01\0\0\0"), "NUL byte at offset 7" },
		{ BYTES("\x89PNG\r\n\x1A\n\0\0\0\rIHDR"), "NUL byte at offset 8" },
		{ BYTES("a\0b\0c\0"), "NUL byte at offset 1" }, /* no BOM */
		{ BYTES("\xEF\xBB\xBF" "abc\0"), "NUL byte at offset 6" },
		{ BYTES("abc\x80\x80"),
		  "invalid UTF-8 at offset 3 and invalid GB18030 at offset 3" },
		{ BYTES("\xD6\xD0\xCE\xC4\xFF"),
		  "invalid UTF-8 at offset 0 and invalid GB18030 at offset 4" },
		{ BYTES("\xD6\xD0\xCE"),
		  "invalid UTF-8 at offset 0 and invalid GB18030 at offset 2" },
		{ BYTES("\xED\xA0\x80"),                     /* a surrogate */
		  "invalid UTF-8 at offset 0 and invalid GB18030 at offset 2" },
		{ BYTES("\xE0\x80\x80"),                     /* overlong */
		  "invalid UTF-8 at offset 0 and invalid GB18030 at offset 2" },
		{ BYTES("a\xED\xBF\xBF"),
		  "invalid UTF-8 at offset 1 and invalid GB18030 at offset 3" },
		{ BYTES("\xEF\xBB\xBF" "abc\xFF"), "invalid UTF-8 at offset 6" },
		{ BYTES("\xFF\xFE\x2D\x4E\x87"), "invalid UTF-16LE at offset 4" },
		{ BYTES("\xFF\xFE\x00\xD8\x41\x00"),
		  "invalid UTF-16LE at offset 2" },
		{ BYTES("\xFE\xFF\xDC\x00"), "invalid UTF-16BE at offset 2" },
		{ BYTES("\xFF\xFE\x41\x00\x00\x00"),
		  "NUL character in UTF-16LE text" },
		{ BYTES("\x01\x02\x03\x04text"),
		  "4 control characters, the first (0x01) at offset 0" },
		{ BYTES("标题\x1B[1m\x1B[0m\x1B[1m\x1B[0m"),
		  "4 control characters, the first (0x1B) at offset 6" },
		{ BYTES("\xD6\xD0\x01\x02\x03\x04"),
		  "4 control characters, the first (0x01) at offset 2" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(cases); i++)
		expect_refused(cases[i].in, cases[i].len, cases[i].reason);
}

/* A UTF-8 document cut in the middle of its last character, or with one
 * stray byte, is read as UTF-8 with U+FFFD for the bad bytes — never as
 * GB18030, which would accept the bytes and garble every character. */
static void
test_damaged_utf8(void **state)
{
	static const char body[] =
		"上海市崇明区教育局2024年工作要点，聚焦队伍建设。"
		"建设一支高水平的校长队伍，继续开展校级领导公开选聘。";
	char in[512], want[512];
	char *out = NULL;
	size_t n = 0, len;
	enum text_encoding enc = ENC_GB18030;

	(void)state;
	/* cut in the middle of the last character (。 is E3 80 82) */
	len = strlen(body) - 1;
	memcpy(in, body, len);
	snprintf(want, sizeof(want), "%.*s\xEF\xBF\xBD\xEF\xBF\xBD",
		 (int)(strlen(body) - 3), body);
	assert_int_equal(decode_text(in, len, &out, &n, &enc, NULL, 0),
			 JUAN_OK);
	assert_int_equal(enc, ENC_UTF8);
	assert_string_equal(out, want);
	free(out);

	/* a stray byte in the middle, with a BOM */
	len = (size_t)snprintf(in, sizeof(in), "\xEF\xBB\xBF%s\xA1%s", body,
			       body);
	snprintf(want, sizeof(want), "%s\xEF\xBF\xBD%s", body, body);
	assert_int_equal(decode_text(in, len, &out, &n, &enc, NULL, 0),
			 JUAN_OK);
	assert_int_equal(enc, ENC_UTF8_BOM);
	assert_string_equal(out, want);
	free(out);
}

/* A stray control character or a form feed is no reason to refuse text. */
static void
test_few_controls_kept(void **state)
{
	static const char text[] =
		"第一章\f第一条　为了规范管理，制定本办法。\x0B第二条　本办法"
		"自发布之日起施行。\x1A\t";

	(void)state;
	expect_text(text, sizeof(text) - 1, text, sizeof(text) - 1, ENC_UTF8);
}

static void
test_reason_buffer(void **state)
{
	char why[8];
	char *out;
	size_t len;

	(void)state;
	assert_int_equal(decode_text(BYTES("abc\0def"), &out, &len, NULL,
				     why, sizeof(why)), JUAN_ENOTTEXT);
	assert_string_equal(why, "NUL byt");
	assert_int_equal(decode_text(BYTES("abc\0def"), &out, &len, NULL,
				     NULL, 0), JUAN_ENOTTEXT);
}

static void
test_encoding_names(void **state)
{
	(void)state;
	assert_string_equal(decode_encoding_name(ENC_UTF8), "UTF-8");
	assert_string_equal(decode_encoding_name(ENC_UTF8_BOM), "UTF-8 (BOM)");
	assert_string_equal(decode_encoding_name(ENC_UTF16LE), "UTF-16LE");
	assert_string_equal(decode_encoding_name(ENC_UTF16BE), "UTF-16BE");
	assert_string_equal(decode_encoding_name(ENC_GB18030), "GB18030");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_mojibake),
		cmocka_unit_test(test_line_endings),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_nfc_fast_path),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_damaged_utf8),
		cmocka_unit_test(test_few_controls_kept),
		cmocka_unit_test(test_reason_buffer),
		cmocka_unit_test(test_encoding_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
