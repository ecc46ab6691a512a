// Parsing a page with cmark-gfm makes thousands of small allocations (a node per inline, a
// buffer per line, a list cell per delimiter), all freed together when the document is. Taken
// from the C library's malloc, on many threads at once, they cost a large share of a build. This
// allocator gives each thread an arena instead: allocations are carved from large blocks in
// order, free does nothing to them, and a whole document's memory is reclaimed at once when the
// outermost use of the arena ends. A parser made with it, its document, the iterators and the
// rendered HTML all live in the arena, so none of them may outlive that use. A thread's arena
// goes back to the system when the thread ends.
//
// Since free does nothing, a document keeps every byte its parse ever asked for. Some inputs
// make cmark-gfm free and ask again many times (the table extension re-reads a whole paragraph
// at each line that looks like a delimiter row), so one use carves at most `budget` bytes from
// its blocks; later allocations come from malloc, are marked in their header, and are freed
// for real, so such a document costs what it would with the C library's allocator.
#include "cmark_arena.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct block {
    struct block *next;
    size_t capacity;
    size_t used;
    _Alignas(16) unsigned char data[];
} block;

// Each allocation is preceded by its size (so realloc knows how much to copy) and whether it
// came from malloc.
typedef struct {
    size_t size;
    size_t from_heap;
} header;

enum { minimum_block = 1 << 20 };
static const size_t budget = (size_t)64 << 20;
// A block larger than this (made for one large allocation) is not kept for the next use.
static const size_t largest_kept = (size_t)8 << 20;

// A thread's arena: its blocks, newest first, and how many uses are open.
typedef struct {
    block *current;
    int depth;
    /// Bytes carved from blocks since the outermost use began.
    size_t carved;
} arena;

static _Thread_local arena *this_thread = NULL;
static pthread_key_t release_key;
static pthread_once_t release_key_once = PTHREAD_ONCE_INIT;

static void release(void *value) {
    arena *ending = value;
    block *each = ending->current;
    while (each != NULL) {
        block *next = each->next;
        free(each);
        each = next;
    }
    free(ending);
}

static void make_release_key(void) {
    pthread_key_create(&release_key, release);
}

static void *out_of_memory(void) {
    fprintf(stderr, "mcp-setup: out of memory while parsing Markdown\n");
    abort();
}

static size_t rounded(size_t size) {
    return (size + 15) & ~(size_t)15;
}

// The calling thread's arena, made on first use and released when the thread ends.
static arena *thread_arena(void) {
    if (this_thread == NULL) {
        pthread_once(&release_key_once, make_release_key);
        this_thread = calloc(1, sizeof(arena));
        if (this_thread == NULL) out_of_memory();
        pthread_setspecific(release_key, this_thread);
    }
    return this_thread;
}

static void *heap_allocate(size_t size) {
    if (size > SIZE_MAX - sizeof(header)) return out_of_memory();
    header *start = malloc(sizeof(header) + size);
    if (start == NULL) return out_of_memory();
    start->size = size;
    start->from_heap = 1;
    return start + 1;
}

static void *arena_allocate(size_t size) {
    if (size > SIZE_MAX - sizeof(block) - sizeof(header) - 15) return out_of_memory();
    size_t needed = sizeof(header) + rounded(size);
    arena *own = thread_arena();
    if (needed > budget - own->carved) return heap_allocate(size);
    block *current = own->current;
    if (current == NULL || current->capacity - current->used < needed) {
        size_t capacity = needed > minimum_block ? needed : minimum_block;
        block *fresh = malloc(sizeof(block) + capacity);
        if (fresh == NULL) return out_of_memory();
        fresh->next = current;
        fresh->capacity = capacity;
        fresh->used = 0;
        own->current = current = fresh;
    }
    header *start = (header *)(current->data + current->used);
    current->used += needed;
    own->carved += needed;
    start->size = size;
    start->from_heap = 0;
    return start + 1;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) return out_of_memory();
    void *memory = arena_allocate(count * size);
    memset(memory, 0, count * size);
    return memory;
}

static void *arena_realloc(void *memory, size_t size) {
    if (memory == NULL) return arena_allocate(size);
    header *old = (header *)memory - 1;
    if (old->from_heap) {
        if (size > SIZE_MAX - sizeof(header)) return out_of_memory();
        header *moved = realloc(old, sizeof(header) + size);
        if (moved == NULL) return out_of_memory();
        moved->size = size;
        return moved + 1;
    }
    if (size > SIZE_MAX - sizeof(block) - sizeof(header) - 15) return out_of_memory();
    // The newest allocation of the current block grows in place when the block has room.
    unsigned char *end = (unsigned char *)memory + rounded(old->size);
    arena *own = thread_arena();
    block *current = own->current;
    if (current != NULL && end == current->data + current->used) {
        size_t grown = rounded(size);
        size_t have = rounded(old->size);
        if (grown <= have) {
            current->used -= have - grown;
            own->carved -= have - grown;
            old->size = size;
            return memory;
        }
        if (grown - have <= current->capacity - current->used && grown - have <= budget - own->carved) {
            current->used += grown - have;
            own->carved += grown - have;
            old->size = size;
            return memory;
        }
    }
    void *moved = arena_allocate(size);
    memcpy(moved, memory, old->size < size ? old->size : size);
    return moved;
}

static void arena_free(void *memory) {
    if (memory == NULL) return;
    header *start = (header *)memory - 1;
    if (start->from_heap) free(start);
}

static cmark_mem allocator = {arena_calloc, arena_realloc, arena_free};

cmark_mem *mcp_setup_arena_allocator(void) {
    return &allocator;
}

void mcp_setup_arena_begin(void) {
    thread_arena()->depth += 1;
}

void mcp_setup_arena_end(void) {
    arena *own = thread_arena();
    own->depth -= 1;
    if (own->depth > 0) return;
    own->carved = 0;
    if (own->current == NULL) return;
    // Keep the largest block for the next document, unless it was made for one large
    // allocation; return the others.
    block *keep = own->current;
    for (block *each = own->current->next; each != NULL; each = each->next) {
        if (each->capacity > keep->capacity) keep = each;
    }
    if (keep->capacity > largest_kept) keep = NULL;
    block *each = own->current;
    while (each != NULL) {
        block *next = each->next;
        if (each != keep) free(each);
        each = next;
    }
    if (keep != NULL) {
        keep->next = NULL;
        keep->used = 0;
    }
    own->current = keep;
}
