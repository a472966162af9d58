/* app: the curses three-pane browser, `juan` with no command.
 *
 * app_run() takes over the terminal until the user quits, and restores it
 * on every way out: quitting, SIGTERM, SIGINT, SIGHUP, fatal errors.  With
 * opts->script set it runs headless: keys come from that file and no
 * terminal is needed (see script.h for the syntax). */
#ifndef JUAN_TUI_APP_H
#define JUAN_TUI_APP_H

struct store;

struct app_opts {
	const char *script; /* JUAN_SCRIPT: keys from this file, headless; NULL: the terminal */
	const char *argv0;  /* the program's path, to find the sample corpus */
};

/* Runs the browser on the open store s.  Returns the process exit status:
 * 0 after `q` or the end of a script, 1 on an error (with a message on
 * stderr, after the terminal is restored), 128+N after signal N. */
int app_run(struct store *s, const struct app_opts *opts);

#endif
