// Fixes cmark-gfm's table of inline characters so that documents parse on many threads at once.
// See inline_characters.c and MCPSetupSite's ParserPool.
#ifndef CMARK_INLINE_CHARACTERS_H
#define CMARK_INLINE_CHARACTERS_H

#include <cmark-gfm.h>

/// Sets the inline characters of every extension attached to `parser` (`~`, `:`, `w`) in
/// cmark-gfm's global table, then stops every later parse from setting or clearing them.
void mcp_setup_fix_inline_characters(cmark_parser *parser);

/// Whether the characters stay set after a parse: true when this process's calls from
/// libcmark-gfm reach the replacement in inline_characters.c.
int mcp_setup_inline_characters_fixed(void);

#endif
