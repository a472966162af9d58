/* screen: what the browser shows and where — the canvases of the layout,
 * and drawing each turn what is marked (the header, the status line, the
 * borders, the panes, an overlay, or a notice when the terminal is too
 * small or the store is empty).  Only the main loop calls it. */
#ifndef JUAN_TUI_SCREEN_H
#define JUAN_TUI_SCREEN_H

struct app;

/* Places the panes for the terminal's current size and sends EV_SIZE;
 * everything is drawn anew. */
void app_layout(struct app *app);

/* Frees every canvas of the layout (the chrome's and the panes'); the
 * next app_layout() makes them again.  Panes not made yet are skipped. */
void app_free_canvases(struct app *app);

/* Marks every pane and the chrome for redrawing. */
void app_dirty_all(struct app *app);

/* Rebuilds every pane marked PANE_RECALC, all before any is drawn: a
 * rebuild may send an event that marks another pane (the text marks the
 * outline's section) or set the message. */
void app_refresh(struct app *app);

/* Draws what is marked and updates the terminal once. */
void app_draw(struct app *app);

#endif
