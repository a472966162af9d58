/* suggestion: the browser's suggestions (suggest.h), on the bottom floor
 * beside state.c — the model in use (always the newest finished one), the
 * suggestions for the selected document (computed when first asked for,
 * once per document and model: a burst of 50 `j` computes one), the top
 * suggestion of a listed document for the list's mark, and the background
 * retraining (retrain.h), started when the tags changed and the model is
 * stale, and taken up by the main loop (app_suggest_poll()).  When the
 * model changes, EV_SUGGEST goes to the panes.
 *
 * The actions that accept suggestions (suggesting.c) are declared here
 * too: accepting the selected document's top suggestion, and accepting
 * many (the bulk prefix). */
#ifndef JUAN_TUI_SUGGESTION_H
#define JUAN_TUI_SUGGESTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "juan/suggest.h"

struct app;

/* The suggestions for the selected document, best first (counted in
 * counters.suggestions when computed); borrowed until the selection or the
 * model changes.  NULL when no document is selected or no suggester can be
 * opened (the status line says why). */
const struct suggest_list *app_suggestion(struct app *app);

/* The theme of the selected document's top suggestion, 0 when none. */
int64_t app_suggest_theme(struct app *app);

/* The detail pane's two lines: the top suggestion into top[0..tsize)
 * ("科技、教育 · 0.91 · 主题分类", or "（无）" and why), the next two into
 * more[0..msize) ("城乡建设、环境… 0.06 · 其他 0.02", names cut short),
 * then, on the last line that is not empty, the model's state when it is
 * not simply in use (" · retraining…", a retraining that failed or can
 * never run).  Both "" when no document is selected. */
void app_suggest_line(struct app *app, char *top, size_t tsize, char *more,
		      size_t msize);

/* The top suggestion of listed document doc for the list's mark, from a
 * small cache (one computation per document and model); NULL when none.
 * Borrowed until the next call. */
const struct suggestion *app_suggest_row(struct app *app, int64_t doc);

/* The suggester in use (opened when first asked for); NULL when it cannot
 * be opened, with the error on the status line.  Borrowed. */
const struct suggester *app_suggester(struct app *app);

/* The tags may have changed: whether the model is stale is looked at when
 * suggestions are next asked for (or at app_suggest_poll() with wait), and
 * a retraining starts then when it is. */
void app_suggest_tags_changed(struct app *app);

/* Takes up a finished retraining (with wait: starts one that is due and
 * waits for it), sending EV_SUGGEST when the model changed.  Returns
 * whether anything changed.  Called by the main loop once a turn. */
bool app_suggest_poll(struct app *app, bool wait);

/* Frees everything, leaving a running retraining to finish alone
 * (retrain_leave()): quitting never waits for a training. */
void app_suggest_free(struct app *app);

/* ---- actions (suggesting.c) ------------------------------------------- */

/* Gives the selected document its top suggestion as the main theme,
 * recorded as accepted, and advances as a theme key does.  Without a
 * suggestion the status line says so and nothing changes. */
unsigned app_accept(struct app *app);

/* Accepts the top suggestion of each of ids[0..n) that has no main theme,
 * as one change (one undo step); the status line says how many changed. */
unsigned app_accept_many(struct app *app, const int64_t *ids, size_t n);

#endif
