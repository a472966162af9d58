/* pane_table: which pane goes in which place of the layout — the one list
 * to extend when a pane is added (its ops come from its own file). */
#include "juan/browser/pane.h"

extern const struct pane_ops pane_docs_ops;
extern const struct pane_ops pane_outline_ops;
extern const struct pane_ops pane_detail_ops;

const struct pane_ops *const pane_table[PANE_COUNT] = {
	[PANE_DOCS] = &pane_docs_ops,
	[PANE_OUTLINE] = &pane_outline_ops,
	[PANE_DETAIL] = &pane_detail_ops,
};
