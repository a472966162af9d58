/* app: the browser's life — locale and terminal checks, the event loop,
 * signals, the document on display, and the position kept per store. */
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/browser/overlay.h"
#include "juan/browser/prompt.h"
#include "juan/browser/sample.h"
#include "juan/browser/script.h"
#include "juan/browser/term.h"
#include "juan/browser/ui.h"

#define KEY_WAIT_MS 500 /* how often the loop looks at signals */

static volatile sig_atomic_t got_signal;

static void
on_signal(int sig)
{
	got_signal = sig;
}

static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
static struct sigaction crash_old[sizeof(crash_signals) / sizeof(crash_signals[0])];

/* A crash: give the terminal back, then let the handler that was there
 * before (the default, or a sanitizer's) deal with the signal.  A fault
 * comes again by itself when this returns (the instruction runs again); a
 * signal that was sent (kill, abort()) is sent again, pending until this
 * returns. */
static void
on_crash(int sig, siginfo_t *info, void *context)
{
	size_t i;

	(void)context;
	term_emergency();
	for (i = 0; i < sizeof(crash_signals) / sizeof(crash_signals[0]); i++)
		if (crash_signals[i] == sig)
			sigaction(sig, &crash_old[i], NULL);
	if (info == NULL || info->si_code <= 0)
		raise(sig);
}

/* SIGTERM, SIGINT and SIGHUP end the loop, which restores the terminal.
 * Installed before curses starts, so that curses keeps its hands off them;
 * without SA_RESTART, so that a waiting read returns at once. */
static void
catch_signals(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = NULL;
	sa.sa_sigaction = on_crash;
	sa.sa_flags = SA_SIGINFO;
	for (i = 0; i < sizeof(crash_signals) / sizeof(crash_signals[0]); i++)
		sigaction(crash_signals[i], &sa, &crash_old[i]);
}

/* A UTF-8 locale from the environment, else C.UTF-8; false when neither. */
static bool
utf8_locale(void)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return true;
	if (setlocale(LC_ALL, "C.UTF-8") != NULL &&
	    strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return true;
	return false;
}

void
app_message(struct app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->message, sizeof(app->message), fmt, ap);
	va_end(ap);
	app->message_error = false;
	app->chrome_dirty = true;
}

void
app_error(struct app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->message, sizeof(app->message), fmt, ap);
	va_end(ap);
	app->message_error = true;
	app->chrome_dirty = true;
}

static void
current_clear(struct current *doc)
{
	doc_info_clear(&doc->info);
	free(doc->body);
	sections_free(doc->sections, doc->nsections);
	memset(doc, 0, sizeof(*doc));
}

/* Another process changed the store since we last looked: forget what is
 * cached and reread the counts. */
static void
notice_changes(struct app *app)
{
	int64_t v = 0;

	if (store_data_version(app->store, &v) != JUAN_OK)
		return;
	if (v != app->data_version) {
		app->data_version = v;
		docs_forget(app->panes[PANE_DOCS], 0);
		app_reload_counts(app);
		app_reload_themes(app);
	}
}

void
app_open_doc(struct app *app, int64_t id)
{
	struct current *doc = &app->doc;
	enum juan_status rc = JUAN_OK;

	notice_changes(app);
	current_clear(doc);
	if (id != 0) {
		rc = store_doc_info(app->store, id, &doc->info);
		if (rc == JUAN_OK)
			rc = store_doc_body(app->store, id, &doc->body, &doc->len);
		if (rc == JUAN_OK)
			rc = store_doc_sections(app->store, id, &doc->sections,
						&doc->nsections);
		if (rc != JUAN_OK) {
			app_error(app, "cannot read document %lld: %s",
				  (long long)id, store_error(app->store));
			current_clear(doc);
		} else {
			doc->id = id;
		}
	}
	app->panes[PANE_OUTLINE]->ops->reload(app->panes[PANE_OUTLINE]);
	app->panes[PANE_DETAIL]->ops->reload(app->panes[PANE_DETAIL]);
}

void
app_reload_counts(struct app *app)
{
	long total = 0, tagged = 0;

	if (store_counts(app->store, &total, &tagged) == JUAN_OK) {
		app->total = total;
		app->tagged = tagged;
	}
	app->chrome_dirty = true;
}

void
app_reload_themes(struct app *app)
{
	theme_set_free(&app->themes);
	if (store_themes(app->store, &app->themes) != JUAN_OK)
		app_error(app, "cannot read the themes: %s",
			  store_error(app->store));
	app->chrome_dirty = true;
}

void
app_reload_list(struct app *app)
{
	struct pane *docs = app->panes[PANE_DOCS];
	int64_t id = docs_selected(docs);

	docs->ops->reload(docs);
	if (id != 0)
		docs_select_id(docs, id);
	app->chrome_dirty = true;
}

void
app_dirty_all(struct app *app)
{
	int i;

	for (i = 0; i < PANE_COUNT; i++)
		app->panes[i]->dirty = true;
	app->chrome_dirty = true;
}

void
app_focus(struct app *app, int id)
{
	if (id == app->focus)
		return;
	app->panes[app->focus]->focused = false;
	app->panes[app->focus]->dirty = true;
	app->focus = id;
	app->panes[id]->focused = true;
	app->panes[id]->dirty = true;
}

void
app_overlay_open(struct app *app, struct overlay *ov)
{
	overlay_free(&app->overlay);
	app->overlay = ov;
	overlay_place(ov, &app->layout);
}

const struct theme *
app_theme_by_key(const struct app *app, int key)
{
	size_t i;

	for (i = 0; i < app->themes.n; i++)
		if ((unsigned char)app->themes.themes[i].key == key && key > 0)
			return &app->themes.themes[i];
	return NULL;
}

/* ---- the position kept per store ------------------------------------ */

static void
save_position(struct app *app)
{
	char buf[1100];
	const struct filter *f = &app->filter;

	snprintf(buf, sizeof(buf), "%lld",
		 (long long)docs_selected(app->panes[PANE_DOCS]));
	store_setting_set(app->store, "tui.doc", buf);
	snprintf(buf, sizeof(buf), "%d", app->focus);
	store_setting_set(app->store, "tui.pane", buf);
	if (f->search)
		snprintf(buf, sizeof(buf), "search:%s", f->search);
	else if (f->theme)
		snprintf(buf, sizeof(buf), "theme:%s", f->theme);
	else
		snprintf(buf, sizeof(buf), "%s", f->untagged ? "untagged" : "");
	store_setting_set(app->store, "tui.filter", buf);
	store_setting_set(app->store, "tui.advance", app->advance ? "1" : "0");
}

static void
restore_position(struct app *app)
{
	char *doc = NULL, *pane = NULL, *filter = NULL, *advance = NULL;
	int focus;

	store_setting_get(app->store, "tui.doc", &doc);
	store_setting_get(app->store, "tui.pane", &pane);
	store_setting_get(app->store, "tui.filter", &filter);
	store_setting_get(app->store, "tui.advance", &advance);
	if (filter != NULL && strncmp(filter, "search:", 7) == 0)
		app->filter.search = strdup(filter + 7);
	else if (filter != NULL && strncmp(filter, "theme:", 6) == 0)
		app->filter.theme = strdup(filter + 6);
	else if (filter != NULL && strcmp(filter, "untagged") == 0)
		app->filter.untagged = true;
	app->advance = advance == NULL || strcmp(advance, "0") != 0;
	app_reload_list(app);
	if (doc != NULL)
		docs_select_id(app->panes[PANE_DOCS], strtoll(doc, NULL, 10));
	focus = pane ? atoi(pane) : PANE_DOCS;
	if (focus >= 0 && focus < PANE_COUNT)
		app_focus(app, focus);
	free(doc);
	free(pane);
	free(filter);
	free(advance);
}

/* ---- set up, loop, tear down ---------------------------------------- */

static enum juan_status
app_init(struct app *app, struct store *s, const struct app_opts *opts,
	 char *err, size_t errsize)
{
	char *config;
	enum juan_status rc;
	int i;

	memset(app, 0, sizeof(*app));
	app->store = s;
	app->opts = opts;
	rc = keymap_init(&app->keymap);
	if (rc != JUAN_OK)
		return rc;
	config = keymap_config_path();
	if (config != NULL) {
		char why[256] = "";

		rc = keymap_read_file(&app->keymap, config, why, sizeof(why));
		if (rc == JUAN_EINVAL)
			snprintf(err, errsize, "%s: %s", config, why);
		else if (rc != JUAN_OK)
			snprintf(err, errsize, "%s", why);
		free(config);
		if (rc != JUAN_OK)
			return rc;
	}
	app->panes[PANE_DOCS] = pane_docs_new(app);
	app->panes[PANE_OUTLINE] = pane_outline_new(app);
	app->panes[PANE_DETAIL] = pane_detail_new(app);
	for (i = 0; i < PANE_COUNT; i++)
		if (app->panes[i] == NULL)
			return JUAN_ENOMEM;
	app->panes[PANE_DOCS]->focused = true;
	sample_find(opts->argv0, app->sample, sizeof(app->sample));
	store_data_version(s, &app->data_version);
	app_reload_counts(app);
	app_reload_themes(app);
	restore_position(app);
	return JUAN_OK;
}

static void
app_fini(struct app *app)
{
	int i;

	overlay_free(&app->overlay);
	prompt_free(&app->prompt);
	canvas_free(&app->header);
	canvas_free(&app->status);
	canvas_free(&app->notice);
	for (i = 0; i < 2; i++)
		canvas_free(&app->border[i]);
	for (i = 0; i < PANE_COUNT; i++)
		pane_free(&app->panes[i]);
	current_clear(&app->doc);
	free(app->filter.theme);
	free(app->filter.search);
	theme_set_free(&app->themes);
	keymap_free(&app->keymap);
}

/* Reads keys from the terminal until quit or a signal. */
static void
loop_terminal(struct app *app)
{
	int key;

	while (!app->quit && !got_signal) {
		app_draw(app);
		key = term_read_key(KEY_WAIT_MS);
		if (key >= 0)
			app_key(app, key);
	}
}

/* Reads keys and commands from a script until its end. */
static enum juan_status
loop_script(struct app *app, struct script *sc, char *err, size_t errsize)
{
	struct script_event ev;
	enum juan_status rc;

	while (!app->quit && !got_signal) {
		app_draw(app);
		rc = script_next(sc, &ev, err, errsize);
		if (rc != JUAN_OK)
			return rc;
		switch (ev.kind) {
		case SCRIPT_KEY:
			app_key(app, ev.key);
			break;
		case SCRIPT_DUMP:
			if (term_dump(ev.path) != JUAN_OK) {
				snprintf(err, errsize, "cannot write %s", ev.path);
				return JUAN_EIO;
			}
			break;
		case SCRIPT_RESIZE:
			term_resize(ev.cols, ev.rows);
			app_key(app, KEYC_RESIZE);
			break;
		case SCRIPT_END:
			return JUAN_OK;
		}
	}
	return JUAN_OK;
}

int
app_run(struct store *s, const struct app_opts *opts)
{
	struct app app;
	struct script *sc = NULL;
	enum juan_status rc;
	char err[512] = "";
	bool headless = opts->script != NULL;
	int status = 1;

	if (!utf8_locale()) {
		fprintf(stderr, "juan: the browser needs a UTF-8 locale "
			"(try LANG=C.UTF-8)\n");
		return 1;
	}
	if (headless && script_open(opts->script, &sc, err, sizeof(err)) != JUAN_OK) {
		fprintf(stderr, "juan: %s\n", err);
		return 1;
	}
	rc = app_init(&app, s, opts, err, sizeof(err));
	if (rc != JUAN_OK) {
		fprintf(stderr, "juan: %s\n", err[0] ? err : juan_strstatus(rc));
		goto done;
	}
	catch_signals();
	rc = term_open(headless, SCRIPT_COLS, SCRIPT_ROWS, err, sizeof(err));
	if (rc != JUAN_OK) {
		fprintf(stderr, "juan: %s\n", err);
		goto done;
	}
	draw_colors(app.keymap.colors, getenv("NO_COLOR") == NULL ||
		    getenv("NO_COLOR")[0] == '\0');
	app_layout(&app);
	app_open_doc(&app, docs_selected(app.panes[PANE_DOCS]));
	if (headless)
		rc = loop_script(&app, sc, err, sizeof(err));
	else
		loop_terminal(&app);
	save_position(&app);
	term_close();
	if (rc != JUAN_OK)
		fprintf(stderr, "juan: %s\n", err);
	status = got_signal ? 128 + got_signal : rc == JUAN_OK ? 0 : 1;
done:
	term_close();
	app_fini(&app);
	script_close(&sc);
	return status;
}
