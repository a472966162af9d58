/* array: growing a heap array (see array.h). */
#include <stdint.h>
#include <stdlib.h>

#include "juan/array.h"

void *
array_reserve(void *v, size_t *cap, size_t need, size_t elem)
{
	size_t want = *cap;
	void *grown;

	if (need <= *cap)
		return v;
	if (want < 8)
		want = 8;
	while (want < need) {
		if (want > SIZE_MAX / 2)
			return NULL;
		want *= 2;
	}
	if (elem != 0 && want > SIZE_MAX / elem)
		return NULL;
	grown = realloc(v, want * elem);
	if (grown == NULL)
		return NULL;
	*cap = want;
	return grown;
}
