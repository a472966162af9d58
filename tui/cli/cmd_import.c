/* cmd_import: `juan import PATH...` — files and directories into the store,
 * with a progress bar on a terminal and a clean stop on Ctrl-C. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "juan/cli/cmd.h"
#include "juan/import.h"
#include "juan/store.h"

static const char about[] =
	"Imports text files, and directories recursively (*.txt and files\n"
	"without an extension).  Encodings: UTF-8 (with or without BOM),\n"
	"UTF-16 with BOM, GB18030/GBK.  Importing again changes only what\n"
	"changed; a document keeps its theme.  Prints\n"
	"  imported N, updated U, unchanged K, failed E\n"
	"and exits 1 when a file failed.  Ctrl-C stops after committing what\n"
	"was read: run the same import again to finish.\n";

/* The bar appears only on a terminal, once the import has run this long;
 * JUAN_PROGRESS=always draws it on stderr whatever it is, from the first
 * file (for tests). */
#define BAR_DELAY 0.5
#define BAR_INTERVAL 0.1

static volatile sig_atomic_t stop_flag;

static void
on_signal(int sig)
{
	(void)sig;
	stop_flag = 1;
}

struct bar {
	bool tty;       /* stderr is a terminal */
	bool always;    /* JUAN_PROGRESS=always: no terminal or delay needed */
	bool shown;     /* a bar is on the screen now */
	double drawn_at;
};

static int
stderr_width(void)
{
	struct winsize ws;

	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

static void
bar_clear(struct bar *b)
{
	if (!b->shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	b->shown = false;
}

static void
format_eta(double secs, char *buf, size_t size)
{
	long s = (long)(secs + 0.5);

	if (secs < 0 || secs > 359999)
		snprintf(buf, size, "--:--");
	else if (s >= 3600)
		snprintf(buf, size, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60,
			 s % 60);
	else
		snprintf(buf, size, "%ld:%02ld", s / 60, s % 60);
}

/* "[=====>     ]  120/4000 files  31.5 MB/s  ETA 0:42", fitted to the
 * terminal: the bar takes what the figures leave. */
static void
on_progress(const struct import_progress *p, void *ctx)
{
	struct bar *b = ctx;
	char figures[96], eta[24];
	double rate, frac;
	int width, barw, fill, i;

	if (!b->always && (!b->tty || p->elapsed < BAR_DELAY))
		return;
	if (b->shown && p->elapsed - b->drawn_at < BAR_INTERVAL &&
	    p->files_done < p->files_total)
		return;
	b->drawn_at = p->elapsed;
	rate = p->elapsed > 0 ? (double)p->bytes_done / p->elapsed : 0;
	if (p->bytes_total > 0)
		frac = (double)p->bytes_done / (double)p->bytes_total;
	else if (p->files_total > 0)
		frac = (double)p->files_done / (double)p->files_total;
	else
		frac = 0;
	if (frac > 1)
		frac = 1;
	format_eta(rate > 0 ? (double)(p->bytes_total - p->bytes_done) / rate
			    : -1, eta, sizeof(eta));
	snprintf(figures, sizeof(figures), " %zu/%zu files  %.1f MB/s  ETA %s",
		 p->files_done, p->files_total, rate / 1e6, eta);
	width = stderr_width() - 1;
	barw = width - (int)strlen(figures) - 2;
	fputc('\r', stderr);
	if (barw >= 10) {
		fill = (int)(frac * barw);
		fputc('[', stderr);
		for (i = 0; i < barw; i++)
			fputc(i < fill ? '=' : i == fill ? '>' : ' ', stderr);
		fputc(']', stderr);
	}
	fputs(figures, stderr);
	fputs("\033[K", stderr);
	fflush(stderr);
	b->shown = true;
}

static void
on_error(const char *path, const char *msg, void *ctx)
{
	bar_clear(ctx);
	cmd_file_error(path, "%s", msg);
}

static int
run(struct cmd *c, const struct cmd_args *a)
{
	struct import_counts counts = {0};
	struct bar bar = {0};
	struct import_ops ops = {
		.progress = on_progress,
		.error = on_error,
		.ctx = &bar,
		.stop = &stop_flag,
	};
	struct sigaction sa, old_int, old_term;
	enum juan_status st;
	struct store *s;

	if (a->argc == 0)
		return cmd_usage("import", "give the files or directories to "
				 "import");
	s = cmd_store(c);
	if (!s)
		return CMD_FAIL;
	bar.tty = isatty(STDERR_FILENO);
	bar.always = getenv("JUAN_PROGRESS") &&
		     strcmp(getenv("JUAN_PROGRESS"), "always") == 0;

	/* The first Ctrl-C asks the import to commit and stop; a second one
	 * (SA_RESETHAND) kills at once, which the batches also survive. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	stop_flag = 0;
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	st = import_paths(s, (const char *const *)a->argv, (size_t)a->argc,
			  &ops, &counts);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	bar_clear(&bar);

	if (st == JUAN_OK || st == JUAN_EINTR)
		printf("imported %ld, updated %ld, unchanged %ld, failed %ld\n",
		       counts.imported, counts.updated, counts.unchanged,
		       counts.failed);
	if (st == JUAN_EINTR) {
		cmd_error("interrupted; run the same import again to finish");
		return CMD_FAIL;
	}
	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		return CMD_FAIL;
	}
	return counts.failed > 0 ? CMD_FAIL : CMD_OK;
}

const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.summary = "import text files and directories",
	.usage = "PATH...",
	.about = about,
	.run = run,
};
