/* actions: what the browser does to the store and the filter when a key or
 * a pick asks — tagging, undo and redo (tagging.c), filtering and searching
 * (filter.c).  Each returns the reactions the main loop must apply
 * (notify.h); the panes learn of the change through events. */
#ifndef JUAN_TUI_ACTIONS_H
#define JUAN_TUI_ACTIONS_H

#include <stdbool.h>

#include "juan/store.h"

struct app;
struct theme;

/* Gives the selected document main theme t (NULL: none), says on the
 * status line what changed and, when advancing, moves to the next document
 * that needs work after it. */
unsigned app_tag(struct app *app, const struct theme *t);

/* Adds theme t as a secondary theme of the selected document, or removes
 * it when the document has it; does not advance.  The status line names
 * the document and its themes before and after. */
unsigned app_secondary(struct app *app, const struct theme *t);

/* Gives the selected document review state st (TAG_STATE_NONE also drops
 * its themes), or clears it when the document has st already; advances
 * when setting a state. */
unsigned app_state(struct app *app, enum tag_state st);

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

/* app_set_review_filter for the filter picker: st's documents, or with
 * todo those that need work. */
unsigned app_review_filter(struct app *app, enum tag_state st, bool todo);

/* Lists only theme's documents (theme a name), or only the untagged. */
unsigned app_filter(struct app *app, const char *theme, bool untagged);

/* app_filter for the picker: theme t, or the untagged for NULL. */
unsigned app_pick_filter(struct app *app, const struct theme *t);

/* Lists the documents that match query, best first (blank: every one). */
unsigned app_search(struct app *app, const char *query);

/* Lists every document again, keeping the selected one. */
unsigned app_clear_filter(struct app *app);

#endif
