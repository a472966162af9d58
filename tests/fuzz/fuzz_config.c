/* fuzz_config: libFuzzer target for the browser's config parser,
 * keymap_read(): any text either applies or names the bad line, and the
 * keymap is freed whole (ASan/UBSan watch the rest). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "juan/browser/keymap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct keymap km;
	char err[256] = "";
	enum juan_status st;

	if (keymap_init(&km) != JUAN_OK)
		abort();
	st = keymap_read(&km, (const char *)data, size, err, sizeof(err));
	if (st != JUAN_OK && st != JUAN_EINVAL && st != JUAN_ENOMEM)
		abort();
	if (st == JUAN_EINVAL && strncmp(err, "line ", 5) != 0)
		abort();
	keymap_free(&km);
	return 0;
}
