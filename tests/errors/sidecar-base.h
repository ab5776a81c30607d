/* A legacy header that must not change: the sidecar tests annotate it. */
#include <stddef.h>
struct ledger;
struct ledger *ledger_open(void);
void ledger_close(struct ledger *l);
int ledger_append(struct ledger *l, const char *entry);
long ledger_count(const struct ledger *l);
