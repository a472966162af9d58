/* dispatch: what a key does in the browser — the prompt or overlay that
 * has it, else its action in the focused pane, else the global actions;
 * a theme's own key tags.  The main loop calls it and applies what it
 * returns. */
#ifndef JUAN_TUI_DISPATCH_H
#define JUAN_TUI_DISPATCH_H

struct app;

/* Handles one key from the terminal or a script (keymap.h keys, with
 * KEYC_RESIZE and KEYC_MOUSE); returns the reactions (notify.h) for the
 * main loop to apply. */
unsigned app_key(struct app *app, int key);

#endif
