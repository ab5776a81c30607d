/* A legacy header that must not change: ledger.json annotates it. */
#ifndef LEDGER_H
#define LEDGER_H

#include <stddef.h>

struct ledger {
	unsigned revision;
	double balance;
};

struct ledger *ledger_open(void);
void ledger_close(struct ledger *l);
int ledger_append(struct ledger *l, const char *entry, const unsigned char *blob, size_t blob_len);
long ledger_count(const struct ledger *l);
int ledger_entry(const struct ledger *l, long index, char **text);
const char *ledger_version(void);

#endif
