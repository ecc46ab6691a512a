// A per-thread arena for cmark-gfm's allocations. See arena.c and MCPSetupSite's ParserPool.
#ifndef CMARK_ARENA_H
#define CMARK_ARENA_H

#include <cmark-gfm.h>

/// The allocator whose memory comes from the calling thread's arena. Memory it hands out lives
/// until the outermost mcp_setup_arena_end on the same thread; its free does nothing.
cmark_mem *mcp_setup_arena_allocator(void);

/// Opens a use of the calling thread's arena (uses nest).
void mcp_setup_arena_begin(void);

/// Closes a use; closing the outermost one makes all of the arena's memory free for the next
/// use (one block is kept, the rest go back to the system).
void mcp_setup_arena_end(void);

#endif
