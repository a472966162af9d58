/* actions: what the browser does to the store and the filter when a key or
 * a pick asks — tagging, undo and redo (tagging.c), filtering and searching
 * (filter.c).  Each returns the reactions the main loop must apply
 * (notify.h); the panes learn of the change through events. */
#ifndef JUAN_TUI_ACTIONS_H
#define JUAN_TUI_ACTIONS_H

#include <stdbool.h>

#include "juan/store.h"
#include "juan/browser/action.h"

struct app;
struct theme;

/* Gives the selected document main theme t (NULL: none), says on the
 * status line what changed and, when advancing, moves to the next document
 * that needs work after it. */
unsigned app_tag(struct app *app, const struct theme *t);

/* app_tag() with theme t (not NULL) as juan suggested it: the history row
 * is marked accepted (suggest_accept()). */
unsigned app_tag_accepted(struct app *app, const struct theme *t);

/* Adds theme t as a secondary theme of the selected document, or removes
 * it when the document has it; does not advance.  The status line names
 * the document and its themes before and after. */
unsigned app_secondary(struct app *app, const struct theme *t);

/* Gives the selected document review state st (TAG_STATE_NONE also drops
 * its themes), or clears it when the document has st already; advances
 * when setting a state. */
unsigned app_state(struct app *app, enum tag_state st);

/* `@`: with one other coder's coding of the selected document, adopts it
 * (app_adopt()); with several, asks for the number the text pane shows
 * it under (app->adopt_pending); with none, says so. */
unsigned app_adopt_start(struct app *app);

/* Makes the other coding number index (from 0, in the text pane's order)
 * of the selected document its coding in the active scheme: one change,
 * which u undoes, whose history names the coding's source; the status
 * line says what changed. */
unsigned app_adopt(struct app *app, size_t index);

/* Sets the selected document's note to text ("" removes it). */
unsigned app_note(struct app *app, const char *text);

/* Opens the note editor on the status line with the selected document's
 * note. */
unsigned app_note_edit(struct app *app);

/* Undoes (redo false) or redoes the last change and selects its document,
 * listing every document when the filter hides it; the status line names
 * the document and the values before and after. */
unsigned app_undo(struct app *app, bool redo);

/* Makes the next scheme (by name, wrapping around) the active one: the
 * theme keys, the list's themes, the counts and the filter follow. */
unsigned app_scheme_next(struct app *app);

/* Starts the export prompts: the format, the path (whole), a BOM for CSV,
 * whether to replace an existing file; then writes what `juan export`
 * writes for the active scheme. */
unsigned app_export(struct app *app);

/* For the filter picker: narrows the query to st's documents
 * (state:none, state:unsure), or with todo to those that need work
 * (state:todo). */
unsigned app_review_filter(struct app *app, enum tag_state st, bool todo);

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
 * tag-clear, - (none applies), ? (unsure) or accept (each document's
 * suggestion, when it has no main theme) acts on the marked documents,
 * or, with none marked, asks to confirm for every listed one; any other
 * key cancels. */
unsigned app_bulk_key(struct app *app, int key);

/* Whether a leaves the documents pane (another pane, or the text), which
 * ends the wide list. */
bool app_list_leaves(enum action a);

#endif
