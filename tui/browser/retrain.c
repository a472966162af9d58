/* retrain: the background training thread (retrain.h). */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "juan/store.h"
#include "juan/suggest.h"
#include "juan/browser/retrain.h"

/* Who owns a retrain: the browser while the thread runs; the browser
 * once it is done; the thread once the browser has left it. */
enum retrain_state { RETRAIN_RUNNING, RETRAIN_DONE, RETRAIN_LEFT };

struct retrain {
	pthread_t thread;
	char *path;
	int64_t scheme;
	struct suggester *g; /* the thread's result, NULL on failure */
	char why[256];
	atomic_int state;
};

static void
retrain_free(struct retrain *r)
{
	suggester_free(&r->g);
	free(r->path);
	free(r);
}

/* Background work gives way to the browser's own thread: on Linux a
 * thread has a nice value of its own (elsewhere setpriority() would renice
 * the whole process, so nothing is done). */
static void
lower_priority(void)
{
#ifdef __linux__
	setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 10);
#endif
}

static void *
train(void *arg)
{
	struct retrain *r = arg;
	struct store *s = NULL;
	enum juan_status rc;
	const char *hold = getenv("JUAN_TEST_TRAIN_HOLD");
	int expected = RETRAIN_RUNNING;
	FILE *f;

	lower_priority();
	/* for the tests: a training that has not finished when the browser
	 * quits (opening a FIFO nobody writes waits for ever) */
	if (hold != NULL && (f = fopen(hold, "r")) != NULL)
		fclose(f);
	rc = store_open(r->path, &s, r->why, sizeof(r->why));
	if (rc == JUAN_OK) {
		rc = suggester_open(s, r->scheme, true, &r->g);
		if (rc == JUAN_OK)
			rc = suggest_tops_save(s, r->g, NULL);
		if (rc != JUAN_OK)
			snprintf(r->why, sizeof(r->why), "%s", store_error(s));
	}
	store_close(&s);
	if (!atomic_compare_exchange_strong(&r->state, &expected,
					    RETRAIN_DONE))
		retrain_free(r); /* left: nobody takes the result */
	return NULL;
}

enum juan_status
retrain_start(const char *path, int64_t scheme, struct retrain **out)
{
	struct retrain *r = calloc(1, sizeof(*r));

	*out = NULL;
	if (r == NULL || (r->path = strdup(path)) == NULL) {
		free(r);
		return JUAN_ENOMEM;
	}
	r->scheme = scheme;
	atomic_init(&r->state, RETRAIN_RUNNING);
	if (getenv("JUAN_NO_THREADS") != NULL ||
	    pthread_create(&r->thread, NULL, train, r) != 0) {
		free(r->path);
		free(r);
		return JUAN_EIO;
	}
	*out = r;
	return JUAN_OK;
}

bool
retrain_done(struct retrain *r)
{
	return atomic_load(&r->state) == RETRAIN_DONE;
}

int64_t
retrain_scheme(const struct retrain *r)
{
	return r->scheme;
}

void
retrain_finish(struct retrain **r, struct suggester **g, char *why,
	       size_t size)
{
	*g = NULL;
	if (r == NULL || *r == NULL)
		return;
	pthread_join((*r)->thread, NULL);
	*g = (*r)->g;
	if (*g == NULL && size > 0)
		snprintf(why, size, "%s", (*r)->why[0] ? (*r)->why :
			 "the model could not be trained");
	free((*r)->path);
	free(*r);
	*r = NULL;
}

void
retrain_leave(struct retrain **r)
{
	struct suggester *g = NULL;
	int expected = RETRAIN_RUNNING;

	if (r == NULL || *r == NULL)
		return;
	if (atomic_compare_exchange_strong(&(*r)->state, &expected,
					   RETRAIN_LEFT)) {
		pthread_detach((*r)->thread);
		*r = NULL;
		return;
	}
	retrain_finish(r, &g, NULL, 0);
	suggester_free(&g);
}
