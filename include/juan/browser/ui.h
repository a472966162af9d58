/* ui: the browser's state and the services on the bottom floor that every
 * other part of the browser calls down into (state.c) — the status line's
 * message, the filter, the selected document (read lazily), the counts and
 * the theme set.  Nothing here calls a pane by name: a change is sent to
 * the panes as an event (notify.h).
 *
 * The floors, each calling only the ones below it:
 *   app.c (the main loop, applies reactions) → dispatch.c (keys) and
 *   screen.c (layout, drawing) → actions (filter.c, tagging.c) →
 *   panes and overlays (pane_*.c, picker.c, help.c, stats.c, overlay.c,
 *   pane.c) → state.c, notify.c. */
#ifndef JUAN_TUI_UI_H
#define JUAN_TUI_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "juan/settle.h"
#include "juan/store.h"
#include "juan/themes.h"
#include "juan/browser/app.h"
#include "juan/browser/keymap.h"
#include "juan/browser/layout.h"
#include "juan/browser/marks.h"
#include "juan/browser/notify.h"
#include "juan/browser/pane.h"

struct app_suggest;
struct overlay;
struct prompt;

/* What the documents pane lists.  Strings are owned. */
struct filter {
	char *theme;   /* theme name, or NULL */
	bool untagged;
	char *search;  /* full-text query, or NULL; with query: its words */
	char *query;   /* the composed query (qlang.h), or NULL */
	char *cleared; /* the query an Esc left, or NULL (a second Esc clears) */
};

/* The selected document, read from the store when first asked for. */
struct current {
	int64_t want;            /* the selected document, 0: none */
	int64_t id;              /* the one read, 0: none */
	bool read;               /* id is want, up to date */
	struct doc_info info;
	char *body;
	size_t len;
	struct section *sections;
	size_t nsections;
	struct coding_list codings; /* other coders' codings, active scheme */
};

/* What the browser did, for the benchmark and the tests (JUAN_STATS). */
struct counters {
	long docs_read;      /* documents read from the store for display */
	long bodies_wrapped; /* document bodies wrapped for the text pane */
	long suggestions;    /* the selected document's suggestions computed */
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
	size_t listed;              /* documents the list shows */
	bool list_failed;           /* the last reading of the list failed: it
				     * is empty, the header says so and the
				     * status line holds the error */
	long total;
	long tagged;
	long reviewed;              /* with a main theme or a state */
	int64_t scheme;             /* the active scheme */
	char scheme_name[128];
	bool secondary;             /* `+` was pressed: a theme key next */
	bool adopt_pending;         /* `@` was pressed: a coder's number next */
	char export_path[4096];     /* the export prompt's answers so far */
	bool export_bom;
	bool advance;               /* after tagging, go on to the next that needs work */
	char message[256];          /* the status line's message, "" for key hints */
	bool message_error;
	unsigned pending;           /* reactions the state asks for (notify.h) */
	bool chrome_dirty;          /* header and status line */
	int64_t data_version;
	char sample[4096];          /* the sample corpus directory, "" if none */
	int export_format;          /* enum export_format chosen at the prompt */
	struct counters counters;
	bool wide_list;             /* the documents pane fills the screen */
	struct marks marks;         /* documents marked for a bulk action */
	struct list_sort sort;      /* the list's order, remembered per store */
	bool bulk_pending;          /* the bulk prefix was pressed */
	struct bulk_action bulk;    /* the bulk action awaiting confirmation */
	struct app_suggest *suggest; /* suggestions and retraining (suggestion.h) */
};

/* Sets the status line's message (printf format). */
void app_message(struct app *app, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* As app_message, shown as an error. */
void app_error(struct app *app, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Clears the message, when there is one. */
void app_message_clear(struct app *app);

/* Selects document id (0: none): sends EV_DOC when it is another one.
 * Looks first whether another process changed the store (then sends
 * EV_DOC_CHANGED for every document and rereads the counts and themes). */
void app_select_doc(struct app *app, int64_t id);

/* The selected document (0: none). */
int64_t app_doc_id(const struct app *app);

/* The selected document, read from the store now if it was not yet
 * (counted in counters.docs_read); borrowed until the selection changes.
 * A document that cannot be read shows as none, with an error message. */
const struct current *app_doc(struct app *app);

/* Document id (0: any) changed in the store: forgets what was read of it
 * and sends EV_DOC_CHANGED. */
void app_doc_changed(struct app *app, int64_t id);

/* Replaces the filter (theme and search copied; NULL: none) and sends
 * EV_LIST, which keeps document keep selected where it is listed (0: the
 * first document).  The documents pane sets app->listed. */
void app_set_filter(struct app *app, const char *theme, bool untagged,
		    const char *search, int64_t keep);

/* Whether document info needs work: no main theme and no state, or
 * unsure. */
bool app_needs_work(const struct doc_info *info);

/* Replaces the filter with query (the language of qlang.h; NULL or
 * blank: every document) and sends EV_LIST keeping document keep selected
 * where it is listed; the filter's search becomes the query's words, for
 * the text pane's hits.  A malformed query says so on the status line,
 * changes nothing and returns JUAN_EINVAL. */
enum juan_status app_set_query(struct app *app, const char *query,
			       int64_t keep);

/* Fills *q with what the list shows: the filter and the sort (strings
 * borrowed from app). */
void app_list_query(const struct app *app, struct list_query *q);

/* Rereads the counts of documents, tagged and reviewed documents in the
 * active scheme, and the active scheme's id and name. */
void app_reload_counts(struct app *app);

/* Rereads the theme set with each theme's document count (pointers into
 * the old set become invalid) and sends EV_THEMES.  A theme whose key the
 * keymap binds to an action is named on the status line: the picker still
 * reaches it. */
void app_reload_themes(struct app *app);

/* Opens a prompt on the status line (replacing one open): label, the
 * input starting as initial, done called with the text on Enter.
 * Returns the reactions. */
unsigned app_ask(struct app *app, const char *label, const char *initial,
		 unsigned (*done)(struct app *app, const char *text));

/* Focuses pane id. */
void app_focus(struct app *app, int id);

/* The theme in use (not retired) of the active scheme whose key is key,
 * or NULL; borrowed. */
const struct theme *app_theme_by_key(const struct app *app, int key);

/* The first theme in use of app's set (the active scheme's: the check
 * runs again when the scheme changes) whose key the keymap binds to an
 * action,
 * from index *from on (start at 0); stores that action in *a and moves
 * *from past it.  NULL when there is none left; borrowed. */
const struct theme *app_theme_hidden(const struct app *app, size_t *from,
				     enum action *a);

/* Frees the document read and the filter. */
void app_state_free(struct app *app);

#endif
