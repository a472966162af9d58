/* Tests of sanitize: no control, C1 or bidi character survives; text and
 * widths otherwise unchanged; file names quoted as `ls` quotes them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "juan/sanitize.h"
#include "juan/text.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define PH "\xEF\xBF\xBD" /* the placeholder U+FFFD */

static const struct {
	const char *in;
	enum sanitize_mode mode;
	const char *out;
} cases[] = {
	{"关于印发《办法》的通知", SANITIZE_LINE, "关于印发《办法》的通知"},
	/* OSC 0 (title change), OSC 52 (clipboard), CSI 2 J (clear) */
	{"标题\x1b]0;pwned\x07", SANITIZE_LINE, "标题" PH "]0;pwned" PH},
	{"\x1b]52;c;ZWNobyBoaQ==\x1b\\", SANITIZE_TEXT,
	 PH "]52;c;ZWNobyBoaQ==" PH "\\"},
	{"\x1b[2J清屏", SANITIZE_STRICT, PH "[2J清屏"},
	/* C1 CSI U+009B, DEL, a malformed byte, a real U+FFFD */
	{"a\xC2\x9B" "2Jb\x7F" "c\xFF" PH, SANITIZE_LINE,
	 "a" PH "2Jb" PH "c" PH PH},
	/* bidi: RLO, PDF, LRI..PDI, LRM/RLM, ALM */
	{"x\xE2\x80\xAEgpj.exe\xE2\x80\xAC", SANITIZE_LINE,
	 "x" PH "gpj.exe" PH},
	{"\xE2\x81\xA6" "a\xE2\x81\xA9\xE2\x80\x8E\xE2\x80\x8F\xD8\x9C",
	 SANITIZE_TEXT, PH "a" PH PH PH PH},
	/* TAB and line breaks by mode */
	{"一\t二\n三\r\n四\r五\v\f", SANITIZE_LINE, "一 二 三  四 五  "},
	{"一\t二\n三\r\n四\r五\v\f", SANITIZE_TEXT,
	 "一\t二\n三\n四" PH "五" PH PH},
	{"一\t二\n", SANITIZE_STRICT, "一" PH "二" PH},
	{"", SANITIZE_LINE, ""},
};

static void
test_table(void **state)
{
	char buf[256], *dup, *mem;
	size_t i, len, n;
	FILE *f;

	(void)state;
	for (i = 0; i < ARRAY_LEN(cases); i++) {
		len = strlen(cases[i].in);
		n = sanitize_into(cases[i].in, len, cases[i].mode, buf);
		assert_string_equal(buf, cases[i].out);
		assert_int_equal(n, strlen(cases[i].out));
		assert_true(n <= 3 * len);
		dup = sanitize_dup(cases[i].in, len, cases[i].mode);
		assert_non_null(dup);
		assert_string_equal(dup, cases[i].out);
		free(dup);
		mem = NULL;
		f = open_memstream(&mem, &n);
		assert_non_null(f);
		assert_int_equal(sanitize_puts(cases[i].in, cases[i].mode, f),
				 0);
		fclose(f);
		assert_string_equal(mem, cases[i].out);
		free(mem);
	}
}

/* Every code point below U+3000, alone: what passes is not a control, and
 * what is a control never passes; the width stays one column or the
 * character's own. */
static void
test_every_code_point(void **state)
{
	char in[4], out[16];
	uint32_t cp, back;
	size_t n, m;

	(void)state;
	for (cp = 0; cp < 0x3000; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		n = text_put(cp, in);
		m = sanitize_into(in, n, SANITIZE_STRICT, out);
		text_next(out, m, &back);
		if (sanitize_is_control(cp) || cp < 0x20) {
			assert_int_equal(back, SANITIZE_PLACEHOLDER);
			assert_int_equal(m, 3);
		} else {
			assert_int_equal(back, cp);
			assert_memory_equal(in, out, n);
		}
		assert_false(sanitize_is_control(back));
	}
	assert_true(sanitize_is_control(0x9B));
	assert_true(sanitize_is_control(0x202E));
	assert_false(sanitize_is_control('\t'));
	assert_false(sanitize_is_control(0x3000));
}

static const struct {
	const char *in, *out;
} names[] = {
	{"001_abc.txt", "001_abc.txt"},
	{"政策/通知.txt", "政策/通知.txt"},
	{"a b.txt", "'a b.txt'"},
	{"it's.txt", "'it'\\''s.txt'"},
	{"$HOME;rm", "'$HOME;rm'"},
	{"", "''"},
	{"a\x1b]0;x\x07.txt", "$'a\\033]0;x\\a.txt'"},
	{"line\nbreak", "$'line\\nbreak'"},
	{"c1\xC2\x9B" "2J", "$'c1\\302\\2332J'"},
	{"bad\xFF", "$'bad\\377'"},
	{"rlo\xE2\x80\xAEtxt.exe", "$'rlo\\u202Etxt.exe'"},
	{"q'\x01\\", "$'q\\'\\001\\\\'"},
	{"del\x7F", "$'del\\177'"},
};

static void
test_names(void **state)
{
	size_t i, j;
	char *q;

	(void)state;
	for (i = 0; i < ARRAY_LEN(names); i++) {
		q = sanitize_name(names[i].in);
		assert_non_null(q);
		assert_string_equal(q, names[i].out);
		for (j = 0; q[j]; j++)
			assert_true((unsigned char)q[j] >= 0x20 &&
				    q[j] != 0x7F);
		free(q);
	}
	assert_null(sanitize_name(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_every_code_point),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
