#ifndef DUBAN_CXXHASH_SHIM_H
#define DUBAN_CXXHASH_SHIM_H
/* Debian's libxxhash-dev: XXH3, 64 bits, one shot and streamed (ContentHash). */
#include <xxhash.h>
#endif
