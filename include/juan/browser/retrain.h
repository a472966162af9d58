/* retrain: a scheme's suggestion model trained in the background, on a
 * thread with its own connection to the store (SQLite in WAL mode lets it
 * read and save while the browser reads and writes on its own).  The
 * thread trains and saves the model (suggester_open() with train), keeps
 * the top suggestion of every untagged document for the query language
 * (suggest_tops_save()) and keeps the suggester for the browser to take; nothing here draws, and
 * the browser looks at retrain_done() once a turn of its loop. */
#ifndef JUAN_TUI_RETRAIN_H
#define JUAN_TUI_RETRAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "juan/status.h"

struct suggester;
struct retrain;

/* Starts training the model of scheme (an id) of the store at path (copied)
 * on a new thread, into *out.  JUAN_ENOMEM, or JUAN_EIO when no thread can
 * be started (with *out NULL): the caller never retrains then.  With
 * JUAN_NO_THREADS set in the environment no thread is started, as when
 * none can be (for the tests). */
enum juan_status retrain_start(const char *path, int64_t scheme,
			       struct retrain **out);

/* Whether r's thread has finished (a lock-free read: never blocks). */
bool retrain_done(struct retrain *r);

/* The scheme r trains for. */
int64_t retrain_scheme(const struct retrain *r);

/* Waits for r's thread (at once when retrain_done()), frees *r and sets it
 * to NULL; the trained suggester in *g (caller frees; NULL when training
 * failed, with why in why[0..size)).  NULL-safe: *r NULL gives *g NULL. */
void retrain_finish(struct retrain **r, struct suggester **g, char *why,
		    size_t size);

/* Leaves r's thread to finish alone when it has not (it frees what it
 * made; a process that exits meanwhile ends it, and its save is one
 * transaction: the model is saved whole or not at all), else finishes it
 * as retrain_finish() does, dropping its result.  Sets *r to NULL;
 * NULL-safe.  For quitting without waiting for a training. */
void retrain_leave(struct retrain **r);

#endif
