/* actions: what the browser does to the store and the filter when a key or
 * a pick asks — tagging, undo and redo (tagging.c), filtering and searching
 * (filter.c).  Each returns the reactions the main loop must apply
 * (notify.h); the panes learn of the change through events. */
#ifndef JUAN_TUI_ACTIONS_H
#define JUAN_TUI_ACTIONS_H

#include <stdbool.h>

#include "juan/browser/action.h"

struct app;
struct theme;

/* Gives the selected document theme t (NULL: no theme), confirms it on the
 * status line and, when advancing, moves to the next untagged document.
 * t may be freed by the action (the themes are read again). */
unsigned app_tag(struct app *app, const struct theme *t);

/* Undoes (redo false) or redoes the last theme change and selects its
 * document, listing every document when the filter hides it. */
unsigned app_undo(struct app *app, bool redo);

/* Narrows the query to theme's documents (theme a name), or to the
 * untagged. */
unsigned app_filter(struct app *app, const char *theme, bool untagged);

/* app_filter for the picker: theme t, or the untagged for NULL. */
unsigned app_pick_filter(struct app *app, const struct theme *t);

/* Narrows the query with query's parts (blank: lists every document). */
unsigned app_search(struct app *app, const char *query);

/* Lists every document again, keeping the selected one. */
unsigned app_clear_filter(struct app *app);

/* Takes the last part off the query (Esc); a second Esc, or a query of
 * one part, clears it. */
unsigned app_clear_last(struct app *app);

/* The actions on the list as a whole (listing.c): ACT_WIDE_LIST, ACT_JUMP,
 * ACT_MARK, ACT_MARK_ALL, ACT_MARK_CLEAR, ACT_SORT, ACT_SORT_REVERSE and
 * ACT_BULK; R_NONE for any other. */
unsigned app_list_action(struct app *app, enum action a);

/* The key after the bulk prefix (bulk.c): a theme's key, the key of
 * tag-clear, - (none applies) or ? (unsure) acts on the marked documents,
 * or, with none marked, asks to confirm for every listed one; any other
 * key cancels. */
unsigned app_bulk_key(struct app *app, int key);

/* Whether a leaves the documents pane (another pane, or the text), which
 * ends the wide list. */
bool app_list_leaves(enum action a);

#endif
