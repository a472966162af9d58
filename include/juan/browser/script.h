/* script: headless mode's input — keys and commands read from a file
 * (JUAN_SCRIPT=FILE), as tig's test scripts are.  One item a line:
 *
 *     j                  a key, written as in the config (keymap.h):
 *     <Enter>            j, <Enter>, C-r, <Esc>, 高 ...
 *     :key KEY           the same, spelled out
 *     :type TEXT         every character of TEXT as a key (for prompts)
 *     :dump PATH         write the screen as text to PATH
 *     :resize COLS ROWS  change the screen size
 *     :wait              start the retraining of the suggestions' model
 *                        when it is due and wait for it (suggestion.h)
 *     # comment          (blank lines are skipped too)
 *
 * The screen starts at 120x40; the end of the file quits the browser.
 * Pure parsing: nothing here touches the terminal. */
#ifndef JUAN_TUI_SCRIPT_H
#define JUAN_TUI_SCRIPT_H

#include <stddef.h>
#include <stdio.h>

#include "juan/status.h"

#define SCRIPT_COLS 120
#define SCRIPT_ROWS 40

enum script_kind {
	SCRIPT_KEY,
	SCRIPT_DUMP,
	SCRIPT_RESIZE,
	SCRIPT_WAIT,
	SCRIPT_END,
};

struct script_event {
	enum script_kind kind;
	int key;          /* SCRIPT_KEY */
	const char *path; /* SCRIPT_DUMP: borrowed until the next call */
	int cols;         /* SCRIPT_RESIZE */
	int rows;
};

struct script;

/* Opens the script at path (close with script_close()).  JUAN_EIO with a
 * message in err[0..errsize) when it cannot be read. */
enum juan_status script_open(const char *path, struct script **out,
			     char *err, size_t errsize);

/* Reads a script from f, which the script then owns (closes). */
enum juan_status script_from_file(FILE *f, struct script **out);

/* Closes *s (NULL-safe) and sets it to NULL. */
void script_close(struct script **s);

/* The next event into *ev.  JUAN_EINVAL with "script line N: problem" in
 * err[0..errsize) for a line it cannot read. */
enum juan_status script_next(struct script *s, struct script_event *ev,
			     char *err, size_t errsize);

#endif
