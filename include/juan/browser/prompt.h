/* prompt: a line of input on the status line (search, export, a note).
 *
 * Printable keys (UTF-8 from the terminal's input method: CJK too) insert
 * at the cursor; Backspace and Del delete a whole character before or
 * under it; Left/Right move by a character (a CJK one is two columns),
 * Home/C-a and End/C-e to the ends; C-u deletes up to the cursor; Enter
 * accepts (calling done with the text), Esc cancels (done is not called).
 * Control characters are never inserted.  Input stops at PROMPT_MAX
 * bytes, never in the middle of a character. */
#ifndef JUAN_TUI_PROMPT_H
#define JUAN_TUI_PROMPT_H

#include <stdbool.h>

struct app;
struct canvas;
struct prompt;

#define PROMPT_MAX 4000 /* bytes of input (a note's limit) */

/* What Enter does with the text; returns reactions (notify.h). */
typedef unsigned (*prompt_fn)(struct app *app, const char *text);

/* A new prompt showing label, its input starting as initial (caller frees
 * with prompt_free()); NULL when out of memory. */
struct prompt *prompt_new(const char *label, const char *initial,
			  prompt_fn done);

/* Frees *p and sets it to NULL.  NULL-safe. */
void prompt_free(struct prompt **p);

/* Handles key; true when the prompt is over (accepted or cancelled).  On
 * Enter *done_fn and text are what to call; text stays valid until
 * prompt_free(). */
bool prompt_key(struct prompt *p, int key, prompt_fn *done_fn,
		const char **text);

/* Draws the prompt on the one-line canvas c, the cursor in view. */
void prompt_draw(const struct prompt *p, struct canvas *c);

#endif
