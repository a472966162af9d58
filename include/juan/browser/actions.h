/* actions: what the browser does to the store and the filter when a key or
 * a pick asks — tagging, undo and redo (tagging.c), filtering and searching
 * (filter.c).  Each returns the reactions the main loop must apply
 * (notify.h); the panes learn of the change through events. */
#ifndef JUAN_TUI_ACTIONS_H
#define JUAN_TUI_ACTIONS_H

#include <stdbool.h>

struct app;
struct theme;

/* Gives the selected document theme t (NULL: no theme), confirms it on the
 * status line and, when advancing, moves to the next untagged document.
 * t may be freed by the action (the themes are read again). */
unsigned app_tag(struct app *app, const struct theme *t);

/* Undoes (redo false) or redoes the last theme change and selects its
 * document, listing every document when the filter hides it. */
unsigned app_undo(struct app *app, bool redo);

/* Lists only theme's documents (theme a name), or only the untagged. */
unsigned app_filter(struct app *app, const char *theme, bool untagged);

/* app_filter for the picker: theme t, or the untagged for NULL. */
unsigned app_pick_filter(struct app *app, const struct theme *t);

/* Lists the documents that match query, best first (blank: every one). */
unsigned app_search(struct app *app, const char *query);

/* Lists every document again, keeping the selected one. */
unsigned app_clear_filter(struct app *app);

#endif
