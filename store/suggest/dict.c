/* dict: feature names to dense ids, an open-addressing hash table over a
 * growing array of names, which live in blocks of DICT_BLOCK bytes rather
 * than a malloc each (a retrain meets some 300,000 names, most of them
 * seven bytes) (suggest_private.h). */
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "suggest_private.h"

#define DICT_BLOCK 65536

static uint64_t
hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL; /* FNV-1a */
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static bool
same(const char *name, const char *s, size_t len)
{
	return strncmp(name, s, len) == 0 && name[len] == '\0';
}

/* Doubles the slots (or makes the first 1024) and rehashes. */
static int
grow(struct dict *d)
{
	size_t nslots = d->nslots ? d->nslots * 2 : 1024, i, j;
	int32_t *slots = calloc(nslots, sizeof(*slots));

	if (!slots)
		return -1;
	for (i = 0; i < d->n; i++) {
		j = hash(d->names[i], strlen(d->names[i])) & (nslots - 1);
		while (slots[j])
			j = (j + 1) & (nslots - 1);
		slots[j] = (int32_t)i + 1;
	}
	free(d->slots);
	d->slots = slots;
	d->nslots = nslots;
	return 0;
}

/* Room for n bytes in d's blocks (a new block when the last is full);
 * NULL when out of memory. */
static char *
room(struct dict *d, size_t n)
{
	size_t size = n > DICT_BLOCK ? n : DICT_BLOCK;
	char **grown, *block;

	if (d->nblocks && n <= d->left) {
		block = d->next;
		d->next += n;
		d->left -= n;
		return block;
	}
	grown = array_reserve(d->blocks, &d->blockcap, d->nblocks + 1,
			      sizeof(*grown));
	if (!grown)
		return NULL;
	d->blocks = grown;
	if (!(block = malloc(size)))
		return NULL;
	d->blocks[d->nblocks++] = block;
	d->next = block + n;
	d->left = size - n;
	return block;
}

int
dict_id(struct dict *d, const char *name, size_t len, bool add, int32_t *id)
{
	size_t j;
	char **grown, *copy;

	if (d->nslots == 0 && (!add || grow(d) < 0))
		return add ? -1 : 0;
	j = hash(name, len) & (d->nslots - 1);
	while (d->slots[j]) {
		if (same(d->names[d->slots[j] - 1], name, len)) {
			*id = d->slots[j] - 1;
			return 1;
		}
		j = (j + 1) & (d->nslots - 1);
	}
	if (!add)
		return 0;
	if (d->n >= INT32_MAX - 1)
		return -1;
	grown = array_reserve(d->names, &d->cap, d->n + 1, sizeof(*grown));
	if (!grown)
		return -1;
	d->names = grown;
	if (!(copy = room(d, len + 1)))
		return -1;
	memcpy(copy, name, len);
	copy[len] = '\0';
	d->names[d->n] = copy;
	d->slots[j] = (int32_t)d->n + 1;
	*id = (int32_t)d->n++;
	if (d->n * 2 > d->nslots && grow(d) < 0)
		return -1;
	return 1;
}

void
dict_free(struct dict *d)
{
	size_t i;

	for (i = 0; i < d->nblocks; i++)
		free(d->blocks[i]);
	free(d->blocks);
	free(d->names);
	free(d->slots);
	memset(d, 0, sizeof(*d));
}
