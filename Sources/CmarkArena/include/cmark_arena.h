// A per-thread arena for cmark-gfm's allocations. See arena.c and MCPSetupSite's ParserPool.
#ifndef CMARK_ARENA_H
#define CMARK_ARENA_H

#include <cmark-gfm.h>

/// The allocator whose memory comes from the calling thread's arena. Memory it hands out lives
/// until the outermost mcp_setup_arena_end on the same thread. Its free does nothing for arena
/// memory and frees what a use took from malloc past its budget (see arena.c), so callers free
/// as they would with cmark's default allocator, and must do so before that end.
cmark_mem *mcp_setup_arena_allocator(void);

/// Opens a use of the calling thread's arena (uses nest).
void mcp_setup_arena_begin(void);

/// Closes a use; closing the outermost one makes all of the arena's memory free for the next
/// use (one block of up to 8 MiB is kept, the rest go back to the system).
void mcp_setup_arena_end(void);

#endif
