/* array: growing a heap array, the one helper every growable list uses.
 *
 * A growable array is three fields in its owner's struct: the pointer, the
 * number of elements in use and the capacity.  array_reserve() makes room;
 * the owner keeps the count and frees the pointer. */
#ifndef JUAN_ARRAY_H
#define JUAN_ARRAY_H

#include <stddef.h>

/* Room for at least need elements of elem bytes in v (capacity *cap, in
 * elements; v may be NULL with *cap 0).  Returns v itself when it already
 * has room, else the grown array (at least double the old capacity, at
 * least 8 elements) with *cap updated; the caller stores it back.  Returns
 * NULL when out of memory or when the size would overflow: v is then still
 * valid, still the caller's to free, and *cap unchanged. */
void *array_reserve(void *v, size_t *cap, size_t need, size_t elem);

#endif
