/* app: the browser's life, on the top floor — locale and terminal checks,
 * the main loop that applies the reactions keys return and draws when no
 * key is waiting, signals, and the position kept per store. */
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/browser/dispatch.h"
#include "juan/browser/overlay.h"
#include "juan/browser/prompt.h"
#include "juan/browser/sample.h"
#include "juan/browser/screen.h"
#include "juan/browser/script.h"
#include "juan/browser/suggestion.h"
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

/* ---- the position kept per store ------------------------------------ */

static void
save_position(struct app *app)
{
	char buf[1100];
	const struct filter *f = &app->filter;

	snprintf(buf, sizeof(buf), "%lld", (long long)app_doc_id(app));
	store_setting_set(app->store, "tui.doc", buf);
	snprintf(buf, sizeof(buf), "%d", app->focus);
	store_setting_set(app->store, "tui.pane", buf);
	if (f->query)
		snprintf(buf, sizeof(buf), "query:%s", f->query);
	else if (f->search)
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
	const char *theme = NULL, *search = NULL;
	int focus;

	store_setting_get(app->store, "tui.doc", &doc);
	store_setting_get(app->store, "tui.pane", &pane);
	store_setting_get(app->store, "tui.filter", &filter);
	store_setting_get(app->store, "tui.advance", &advance);
	if (filter != NULL && strncmp(filter, "search:", 7) == 0)
		search = filter + 7;
	else if (filter != NULL && strncmp(filter, "theme:", 6) == 0)
		theme = filter + 6;
	app->advance = advance == NULL || strcmp(advance, "0") != 0;
	store_sort_get(app->store, &app->sort);
	if (filter == NULL || strncmp(filter, "query:", 6) != 0 ||
	    app_set_query(app, filter + 6, 0) != JUAN_OK)
		app_set_filter(app, theme, filter != NULL &&
			       strcmp(filter, "untagged") == 0, search, 0);
	if (doc != NULL)
		app_notify(app, EV_GOTO_DOC, strtoll(doc, NULL, 10), 0);
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
	for (i = 0; i < PANE_COUNT; i++) {
		app->panes[i] = pane_new(app, pane_table[i]);
		if (app->panes[i] == NULL)
			return JUAN_ENOMEM;
	}
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

	app_suggest_free(app);
	overlay_free(&app->overlay);
	prompt_free(&app->prompt);
	app_free_canvases(app);
	for (i = 0; i < PANE_COUNT; i++)
		pane_free(&app->panes[i]);
	app_state_free(app);
	keymap_free(&app->keymap);
}

/* Applies reactions r and those the state asked for, once; returns
 * whether to quit. */
static bool
apply(struct app *app, unsigned r)
{
	r |= app->pending;
	app->pending = R_NONE;
	if (r & R_LAYOUT)
		app_layout(app);
	else if (r & R_PANES)
		app_dirty_all(app);
	if (r & R_CHROME)
		app->chrome_dirty = true;
	return (r & R_QUIT) != 0;
}

/* One turn of drawing: the panes marked are rebuilt (once, however many
 * keys marked them), then what is marked is drawn. */
static void
draw_turn(struct app *app)
{
	app_refresh(app);
	apply(app, R_NONE);
	app_draw(app);
}

/* Reads keys from the terminal until quit or a signal.  Keys typed ahead
 * are all handled before the screen is drawn again. */
static void
loop_terminal(struct app *app)
{
	bool drawn = false, quit = false;
	int key;

	while (!quit && !got_signal) {
		if (app_suggest_poll(app, false))
			drawn = false;
		key = term_read_key(drawn ? KEY_WAIT_MS : 0);
		if (key < 0) {
			if (!drawn)
				draw_turn(app);
			drawn = true;
			continue;
		}
		drawn = false;
		quit = apply(app, app_key(app, key));
	}
}

/* Reads keys and commands from a script until its end.  The keys between
 * two screen dumps are one burst, as keys typed ahead are: the screen is
 * drawn for a dump and at the end. */
static enum juan_status
loop_script(struct app *app, struct script *sc, char *err, size_t errsize)
{
	struct script_event ev;
	enum juan_status rc;
	bool quit = false;

	while (!quit && !got_signal) {
		rc = script_next(sc, &ev, err, errsize);
		if (rc != JUAN_OK)
			return rc;
		switch (ev.kind) {
		case SCRIPT_KEY:
			quit = apply(app, app_key(app, ev.key));
			break;
		case SCRIPT_DUMP:
			draw_turn(app);
			if (term_dump(ev.path) != JUAN_OK) {
				snprintf(err, errsize, "cannot write %s", ev.path);
				return JUAN_EIO;
			}
			break;
		case SCRIPT_WAIT:
			app_suggest_poll(app, true);
			break;
		case SCRIPT_RESIZE:
			term_resize(ev.cols, ev.rows);
			quit = apply(app, app_key(app, KEYC_RESIZE));
			break;
		case SCRIPT_END:
			draw_turn(app);
			return JUAN_OK;
		}
	}
	return JUAN_OK;
}

/* With JUAN_STATS=FILE, writes what the browser did to FILE (the
 * benchmark and the tests read it). */
static void
write_counters(const struct app *app)
{
	const char *path = getenv("JUAN_STATS");
	FILE *f;

	if (path == NULL || path[0] == '\0')
		return;
	f = fopen(path, "w");
	if (f == NULL)
		return;
	fprintf(f, "documents read: %ld\nbodies wrapped: %ld\n"
		"suggestions computed: %ld\n", app->counters.docs_read,
		app->counters.bodies_wrapped, app->counters.suggestions);
	fclose(f);
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
	if (headless)
		rc = loop_script(&app, sc, err, sizeof(err));
	else
		loop_terminal(&app);
	save_position(&app);
	term_close();
	write_counters(&app);
	if (rc != JUAN_OK)
		fprintf(stderr, "juan: %s\n", err);
	status = got_signal ? 128 + got_signal : rc == JUAN_OK ? 0 : 1;
done:
	term_close();
	app_fini(&app);
	script_close(&sc);
	return status;
}
