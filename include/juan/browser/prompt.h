/* prompt: a line of input on the status line (search, export).
 *
 * Printable keys insert, Backspace deletes a character, C-u clears, Enter
 * accepts (calling done with the text), Esc cancels (done is not called). */
#ifndef JUAN_TUI_PROMPT_H
#define JUAN_TUI_PROMPT_H

#include <stdbool.h>

struct app;
struct canvas;
struct prompt;

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

/* Draws the prompt on the one-line canvas c. */
void prompt_draw(const struct prompt *p, struct canvas *c);

#endif
