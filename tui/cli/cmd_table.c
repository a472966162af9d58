/* cmd_table: the commands of juan, in the order `juan --help` lists them —
 * the one list to extend when a command is added (its entry comes from its
 * own file, tui/cli/cmd_NAME.c). */
#include <stddef.h>

#include "juan/cli/cmd.h"

const struct cmd_entry *const cmd_table[] = {
	&cmd_import_entry,
	&cmd_list_entry,
	&cmd_show_entry,
	&cmd_tag_entry,
	&cmd_untag_entry,
	&cmd_state_entry,
	&cmd_note_entry,
	&cmd_history_entry,
	&cmd_undo_entry,
	&cmd_redo_entry,
	&cmd_search_entry,
	&cmd_suggest_entry,
	&cmd_agree_entry,
	&cmd_export_entry,
	&cmd_sync_entry,
	&cmd_schemes_entry,
	&cmd_themes_entry,
	&cmd_parse_entry,
	&cmd_check_entry,
	&cmd_help_entry,
	NULL,
};
