/* sanitize: the one rule for text juan shows — everything printed is data,
 * never a command to the terminal.
 *
 * Every text from a document, a file name or a theme name passes through
 * here before it reaches a terminal (the command line, the browser) or a
 * Markdown file.  Control characters (C0 but the TAB and LF a mode keeps,
 * DEL, C1 U+0080–U+009F) and bidi controls (U+061C, U+200E/F, U+202A–U+202E,
 * U+2066–U+2069) become the placeholder U+FFFD "�", as a malformed byte
 * already does (text.h): one column wide, so widths, truncation and
 * wrapping stay right; visible, so nothing is silently dropped; and one
 * character no terminal acts on.  Caret notation (^[) was not chosen: it
 * takes two columns and cannot be told apart from a document's own "^[".
 * The output is always valid UTF-8.  CSV and JSONL do not come here: they
 * keep the data exact (JSON escapes controls itself).
 *
 * File names in messages go through sanitize_name(), which quotes them the
 * way `ls` does (shell-escaped, $'…' for control bytes).  Pure functions,
 * no terminal and no store. */
#ifndef JUAN_SANITIZE_H
#define JUAN_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define SANITIZE_PLACEHOLDER 0xFFFDu

/* What becomes of TAB, LF, VT, FF and CR. */
enum sanitize_mode {
	SANITIZE_LINE,  /* one line (a title, a cell, a message): each is a
			 * space */
	SANITIZE_TEXT,  /* running text: TAB and LF pass, CR LF is LF,
			 * VT, FF and a lone CR are placeholders */
	SANITIZE_STRICT /* every one of them is a placeholder */
};

/* True for a code point sanitize replaces in every mode: C0 but TAB, LF,
 * VT, FF, CR; DEL; C1; the bidi controls listed above. */
bool sanitize_is_control(uint32_t cp);

/* Copies s[0..len) into out with every control character handled as mode
 * says and every malformed byte as U+FFFD.  out must hold 3 * len + 1
 * bytes (no character grows by more); it is NUL-terminated.  Returns the
 * bytes written, NUL not counted. */
size_t sanitize_into(const char *s, size_t len, enum sanitize_mode mode,
		     char *out);

/* The same into a new string; caller frees.  NULL when out of memory. */
char *sanitize_dup(const char *s, size_t len, enum sanitize_mode mode);

/* Writes s[0..len) sanitized to out without allocating.  Returns 0, or
 * EOF when a write failed. */
int sanitize_write(const char *s, size_t len, enum sanitize_mode mode,
		   FILE *out);

/* sanitize_write() of a NUL-terminated s; NULL writes nothing. */
int sanitize_puts(const char *s, enum sanitize_mode mode, FILE *out);

/* name quoted for a message the way `ls` quotes file names: as it is when
 * it holds only letters, digits, non-ASCII text and -_./+,:@%=^ ; in single
 * quotes (a ' as '\'') when it holds spaces or other shell characters; in
 * $'…' with \t \n \r and \ooo escapes (bidi controls as \uXXXX) when it
 * holds a control byte, a malformed byte, a C1 or a bidi control.  The
 * result never holds a control character.  Caller frees; NULL when out of
 * memory, or when name is NULL. */
char *sanitize_name(const char *name);

#endif
