/* notify: how news travels in the browser — events that the app fans out to
 * every pane (NeoMutt's notify_send / observers), and the reactions that
 * actions return to the main loop (htop's HTOP_REFRESH bits).
 *
 * A pane never calls another pane: it sends an event, and each pane that
 * cares marks itself for recalculation (PANE_RECALC) or repainting
 * (PANE_REPAINT), or answers a request by setting taken.  The work is done
 * once, when the screen is drawn: a burst of keys that selects fifty
 * documents in turn reads and wraps only the last. */
#ifndef JUAN_TUI_NOTIFY_H
#define JUAN_TUI_NOTIFY_H

#include <stdbool.h>
#include <stdint.h>

struct app;

enum event_kind {
	EV_DOC,          /* another document is selected (app_doc_id()) */
	EV_DOC_CHANGED,  /* document id (0: any) changed in the store */
	EV_LIST,         /* the filter changed: read the list again, keeping
			  * document id selected where it is listed */
	EV_THEMES,       /* the theme set or the counts were read again */
	EV_SIZE,         /* the panes were placed again (new sizes) */
	EV_SECTION,      /* section index was chosen: show it */
	EV_MARK,         /* the text's top line lies in section index (-1: none) */
	EV_GOTO_DOC,     /* request: select document id; taken when listed */
	EV_NEXT_UNTAGGED, /* request: select the next document that needs
			   * work after the selected one (app_needs_work());
			   * taken when there is one */
	EV_HIT,          /* request: jump the text to the next (index 1) or
			  * previous (-1) search hit, saying so on the status
			  * line; taken by the pane that did */
	EV_MARKS,        /* the marks changed (id: the one document, 0: any) */
	EV_MARK_LISTED,  /* request: mark every listed document; taken by
			  * the list */
	EV_SUGGEST,      /* another model suggests (suggestion.h) */
};

struct event {
	enum event_kind kind;
	int64_t id;
	long index;
	bool taken; /* a request's answer */
};

/* What the main loop must do after an action: a bit set, applied once. */
enum reaction {
	R_NONE = 0,
	R_CHROME = 1 << 0, /* repaint the header and the status line */
	R_PANES = 1 << 1,  /* repaint everything (an overlay went away) */
	R_LAYOUT = 1 << 2, /* place everything again (size, empty store) */
	R_QUIT = 1 << 3,   /* leave the loop */
};

/* Sends an event of kind with id and index to every pane (ops->event), in
 * pane order, and marks the chrome for repainting where the header shows
 * what changed.  Returns whether a pane took it (requests). */
bool app_notify(struct app *app, enum event_kind kind, int64_t id, long index);

#endif
