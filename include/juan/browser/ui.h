/* ui: the browser's state, shared by the app, the panes and the overlays.
 *
 * The app owns the document on display (struct current): the documents pane
 * chooses it, the outline and the text pane show it. */
#ifndef JUAN_TUI_UI_H
#define JUAN_TUI_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "juan/store.h"
#include "juan/themes.h"
#include "juan/browser/app.h"
#include "juan/browser/keymap.h"
#include "juan/browser/layout.h"
#include "juan/browser/pane.h"

struct overlay;
struct prompt;

/* What the documents pane lists.  Strings are owned. */
struct filter {
	char *theme;   /* theme name, or NULL */
	bool untagged;
	char *search;  /* full-text query, or NULL */
};

/* The document on display. */
struct current {
	int64_t id;              /* 0: none */
	struct doc_info info;
	char *body;
	size_t len;
	struct section *sections;
	size_t nsections;
};

struct app {
	struct store *store;
	const struct app_opts *opts;
	struct keymap keymap;
	struct theme_set themes;
	struct layout layout;
	struct pane *panes[PANE_COUNT];
	int focus;
	struct canvas *header;
	struct canvas *status;
	struct canvas *border[2];
	struct canvas *notice;      /* the whole screen: too small, or empty store */
	struct overlay *overlay;    /* on top of the panes, or NULL */
	struct prompt *prompt;      /* on the status line, or NULL */
	struct filter filter;
	struct current doc;
	long total;
	long tagged;
	bool advance;               /* after tagging, go to the next untagged */
	char message[256];          /* the status line's message, "" for key hints */
	bool message_error;
	bool chrome_dirty;          /* header and status line */
	bool quit;
	int64_t data_version;
	char sample[4096];          /* the sample corpus directory, "" if none */
	int export_format;          /* enum export_format chosen at the prompt */
};

/* Sets the status line's message (printf format). */
void app_message(struct app *app, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* As app_message, shown as an error. */
void app_error(struct app *app, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Shows document id (0: none) in the outline and text panes. */
void app_open_doc(struct app *app, int64_t id);

/* Rereads the document list for the current filter, keeping the cursor on
 * the same document where it is still listed, and the counts. */
void app_reload_list(struct app *app);

/* Rereads the counts of documents and tagged documents. */
void app_reload_counts(struct app *app);

/* Rereads the theme set with each theme's document count; pointers into
 * the old set become invalid. */
void app_reload_themes(struct app *app);

/* Marks every pane and the chrome for redrawing. */
void app_dirty_all(struct app *app);

/* Focuses pane id. */
void app_focus(struct app *app, int id);

/* Opens ov on top of the panes (closing any other). */
void app_overlay_open(struct app *app, struct overlay *ov);

/* The theme whose key is key, or NULL; borrowed. */
const struct theme *app_theme_by_key(const struct app *app, int key);

/* Places the panes for the terminal's current size (screen.c). */
void app_layout(struct app *app);

/* Draws what changed and updates the terminal once (screen.c). */
void app_draw(struct app *app);

/* Handles one key from the terminal or a script (dispatch.c). */
void app_key(struct app *app, int key);

/* Imports the sample corpus into the (empty) store (dispatch.c). */
void app_import_sample(struct app *app);

/* Gives the selected document theme t (NULL: no theme), confirms it on the
 * status line and, when advancing, moves to the next untagged document. */
void app_tag(struct app *app, const struct theme *t);

/* Undoes (redo false) or redoes the last theme change and shows its
 * document. */
void app_undo(struct app *app, bool redo);

/* Lists only theme's documents (theme a name), or only the untagged. */
void app_filter(struct app *app, const char *theme, bool untagged);

/* Lists the documents that match query, best first ("" clears). */
void app_search(struct app *app, const char *query);

/* Lists every document again. */
void app_clear_filter(struct app *app);

/* Documents pane: the id at the cursor (0 when the list is empty). */
int64_t docs_selected(struct pane *p);
/* Documents pane: moves the cursor to document id when listed; false if not. */
bool docs_select_id(struct pane *p, int64_t id);
/* Documents pane: forgets the cached row of document id (its theme
 * changed), or every cached row when id is 0. */
void docs_forget(struct pane *p, int64_t id);
/* Documents pane: moves to the next untagged document after the cursor
 * (wrapping around); false when there is none. */
bool docs_next_untagged(struct pane *p);
/* Documents pane: the number of documents listed. */
size_t docs_count(struct pane *p);
/* Documents pane: the list's ids and their number (borrowed). */
const int64_t *docs_ids(struct pane *p, size_t *n);

/* Outline pane: highlights section idx (-1: none) as the one under the
 * text's top line. */
void outline_mark(struct pane *p, long idx);

/* Text pane: scrolls to section idx of the current document. */
void detail_show_section(struct pane *p, size_t idx);
/* Text pane: jumps to the next (dir > 0) or previous search hit; false when
 * there is none. */
bool detail_hit(struct pane *p, int dir, size_t *nth, size_t *count);

#endif
