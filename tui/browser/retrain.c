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

struct retrain {
	pthread_t thread;
	char *path;
	int64_t scheme;
	struct suggester *g; /* the thread's result, NULL on failure */
	char why[256];
	atomic_bool done;
};

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

	lower_priority();
	rc = store_open(r->path, &s, r->why, sizeof(r->why));
	if (rc == JUAN_OK) {
		rc = suggester_open(s, r->scheme, true, &r->g);
		if (rc == JUAN_OK)
			rc = suggest_tops_save(s, r->g, NULL);
		if (rc != JUAN_OK)
			snprintf(r->why, sizeof(r->why), "%s", store_error(s));
	}
	store_close(&s);
	atomic_store(&r->done, true);
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
	atomic_init(&r->done, false);
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
	return atomic_load(&r->done);
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
