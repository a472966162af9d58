/* import: files and directories → documents in the store.
 *
 * Walks the paths (directories recursively: `*.txt` and files without an
 * extension; a file named explicitly is always tried), reads, decodes, parses
 * and stores each file with why its parse is unsure (doc_doubts()),
 * committing in batches so that an interrupted import
 * leaves every committed document whole and the store consistent; running it
 * again finishes the job.  Symlink loops, unreadable files, FIFOs and other
 * files that are not regular, files over the size limit and a file that
 * runs out of memory are reported through the error callback and counted as
 * failed, never fatal: the other files go on. */
#ifndef JUAN_IMPORT_H
#define JUAN_IMPORT_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "juan/status.h"

struct store;

/* The default size limit of a file, and of its text once decoded: 64 MB.
 * Importing a document takes about twice its size in memory at most. */
#define IMPORT_MAX_BYTES ((uint64_t)64 << 20)

struct import_counts {
	long imported;
	long updated;
	long unchanged;
	long failed;
};

struct import_progress {
	size_t files_done;
	size_t files_total;
	uint64_t bytes_done;
	uint64_t bytes_total;
	double elapsed; /* seconds since the import started */
};

struct import_ops {
	/* Called after each file (may be NULL). */
	void (*progress)(const struct import_progress *p, void *ctx);
	/* Called for each file that fails, with a message naming the problem
	 * (may be NULL). */
	void (*error)(const char *path, const char *msg, void *ctx);
	/* Called for each file stored whose text was repaired on reading, with
	 * what was done ("mojibake repaired: UTF-8 read as MACCYRILLIC"; may be
	 * NULL).  The document is stored with that doubt (parse:). */
	void (*repaired)(const char *path, const char *msg, void *ctx);
	void *ctx;
	/* When non-NULL and set non-zero (by a signal handler), the import
	 * commits what it has and returns JUAN_EINTR. */
	volatile sig_atomic_t *stop;
	/* Files larger than this, or whose text is, are refused before they
	 * are read (0: IMPORT_MAX_BYTES). */
	uint64_t max_bytes;
	/* Threads that read, decode, parse and tokenize files while the
	 * calling thread stores them (0: one fewer than the cores, at least
	 * one). */
	int workers;
};

/* Imports paths[0..n) into s, adding to *counts.  Returns JUAN_OK when the
 * walk finished (even if some files failed: see counts->failed), JUAN_EINTR
 * when stopped, or the status of a store failure (store_error() says more). */
enum juan_status import_paths(struct store *s, const char *const *paths,
			      size_t n, const struct import_ops *ops,
			      struct import_counts *counts);

#endif
