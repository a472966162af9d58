/* status: messages for enum juan_status, from the one list in status.h. */
#include "juan/status.h"

const char *
juan_strstatus(enum juan_status st)
{
	switch (st) {
#define JUAN_STATUS_CASE(name, msg) case name: return msg;
	JUAN_STATUS_LIST(JUAN_STATUS_CASE)
#undef JUAN_STATUS_CASE
	}
	return "unknown status";
}
