/* cmd_util: what the commands share — opening the store, messages, option
 * errors, themes by name, ids and the width of the terminal. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "juan/cli/cmd.h"
#include "juan/sanitize.h"
#include "juan/store.h"
#include "juan/text.h"
#include "juan/themes.h"

struct store *
cmd_store(struct cmd *c)
{
	char err[1024];
	char *path = NULL;

	if (c->store)
		return c->store;
	if (c->db) {
		path = strdup(c->db);
	} else {
		path = store_default_path();
		if (!path) {
			cmd_error("no store: set JUAN_DB or HOME, or use "
				  "--db PATH");
			return NULL;
		}
	}
	if (!path) {
		cmd_error("out of memory");
		return NULL;
	}
	if (store_open(path, &c->store, err, sizeof(err)) != JUAN_OK)
		cmd_error("%s", err);
	else if (store_dir_exposed(c->store, err, sizeof(err)))
		cmd_error("note: other users can read or enter %s, the "
			  "directory of the store (its files are private, "
			  "mode 0600); 'chmod 700 %s' closes it.  Said once.",
			  err, err);
	free(path);
	return c->store;
}

/* Writes the formatted message to stderr through the sanitiser: whatever
 * a file name or a document put in it, nothing reaches the terminal raw. */
static void
put_message(const char *fmt, va_list ap)
{
	char *msg = NULL;

	if (vasprintf(&msg, fmt, ap) < 0) {
		fputs("(out of memory)", stderr);
		return;
	}
	sanitize_puts(msg, SANITIZE_TEXT, stderr);
	free(msg);
}

void
cmd_error(const char *fmt, ...)
{
	va_list ap;

	fputs("juan: ", stderr);
	va_start(ap, fmt);
	put_message(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
cmd_file_error(const char *path, const char *fmt, ...)
{
	char *quoted = sanitize_name(path);
	va_list ap;

	fputs("juan: ", stderr);
	fputs(quoted ? quoted : "(out of memory)", stderr);
	fputs(": ", stderr);
	free(quoted);
	va_start(ap, fmt);
	put_message(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
cmd_put_name(const char *path, FILE *out)
{
	char *quoted = sanitize_name(path);
	int rc;

	if (!quoted)
		return -1;
	rc = fputs(quoted, out) < 0 ? -1 : 0;
	free(quoted);
	return rc;
}

void
cmd_store_error(struct store *s, enum juan_status st)
{
	cmd_file_error(store_path(s), "%s", *store_error(s) ? store_error(s)
							: juan_strstatus(st));
}

void
cmd_no_theme(const char *name_or_key)
{
	cmd_error("no theme '%s' (see 'juan themes' for names and keys)",
		  name_or_key);
}

int
cmd_theme_find(struct store *s, const char *name_or_key,
	       struct theme_set *set, const struct theme **theme)
{
	enum juan_status st;

	st = store_themes(s, set);
	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		return CMD_FAIL;
	}
	*theme = theme_set_find(set, name_or_key);
	if (!*theme) {
		cmd_no_theme(name_or_key);
		return CMD_FAIL;
	}
	return CMD_OK;
}

static void
usage_hint(const char *name)
{
	if (name)
		fprintf(stderr, "Try 'juan %s --help'.\n", name);
	else
		fputs("Try 'juan --help'.\n", stderr);
}

int
cmd_usage(const char *name, const char *fmt, ...)
{
	va_list ap;

	fputs("juan: ", stderr);
	if (name) {
		sanitize_puts(name, SANITIZE_LINE, stderr);
		fputs(": ", stderr);
	}
	va_start(ap, fmt);
	put_message(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	usage_hint(name);
	return CMD_USAGE;
}

/* The long option whose val is val, or NULL. */
static const struct option *
find_long(const struct option *opts, int val)
{
	for (; opts->name; opts++)
		if (opts->val == val)
			return opts;
	return NULL;
}

int
cmd_bad_option(const char *name, int ret, char **argv,
	       const struct option *opts)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";
	const struct option *lo = find_long(opts, optopt);
	int len;

	/* A long option is always the whole of the element just consumed;
	 * getopt sets optopt to 0 for one it does not know and to the option's
	 * val for one used wrongly. */
	if (strncmp(arg, "--", 2) == 0 && (optopt == 0 || lo)) {
		len = (int)strcspn(arg, "=");
		if (ret == ':')
			return cmd_usage(name, "option '%.*s' needs a value",
					 len, arg);
		if (optopt == 0)
			return cmd_usage(name, "unknown option '%.*s'", len,
					 arg);
		return cmd_usage(name, "option '%.*s' takes no value", len,
				 arg);
	}
	if (ret == ':')
		return cmd_usage(name, "option '-%c' needs a value", optopt);
	if (optopt > ' ' && optopt < 0x7f)
		return cmd_usage(name, "unknown option '-%c'", optopt);
	/* A byte of a multibyte character: getopt stays on its element
	 * ("-高校") until the last byte, so that is argv[optind] or the one
	 * just consumed. */
	if (optopt != 0 && argv[optind] != NULL && argv[optind][0] == '-' &&
	    strchr(argv[optind] + 1, optopt) != NULL)
		arg = argv[optind];
	return cmd_usage(name, "unknown option '%s'", arg);
}

void
cmd_getopt_reset(void)
{
	optind = 0; /* glibc: 0 also forgets the position inside a cluster */
	opterr = 0;
}

bool
cmd_parse_id(const char *arg, int64_t *id)
{
	char *end;
	long long v;

	if (*arg < '0' || *arg > '9')
		return false;
	errno = 0;
	v = strtoll(arg, &end, 10);
	if (errno || *end || v <= 0)
		return false;
	*id = v;
	return true;
}

int
cmd_term_width(void)
{
	struct winsize ws;
	const char *env;
	long cols;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	env = getenv("COLUMNS");
	if (env && *env) {
		cols = strtol(env, NULL, 10);
		if (cols > 0 && cols < 10000)
			return (int)cols;
	}
	return 80;
}

bool
cmd_stdout_styled(void)
{
	const char *nc = getenv("NO_COLOR");

	return isatty(STDOUT_FILENO) && !(nc && *nc);
}

int
cmd_put_cell(const char *s, int cols, bool right, FILE *out)
{
	char *clean = sanitize_dup(s, strlen(s), SANITIZE_LINE), *cut;
	int w;

	if (!clean)
		return -1;
	cut = text_truncate(clean, strlen(clean), cols);
	free(clean);
	if (!cut)
		return -1;
	w = text_width(cut, strlen(cut));
	if (right)
		fprintf(out, "%*s%s", cols - w > 0 ? cols - w : 0, "", cut);
	else
		fprintf(out, "%s%*s", cut, cols - w > 0 ? cols - w : 0, "");
	free(cut);
	return 0;
}
