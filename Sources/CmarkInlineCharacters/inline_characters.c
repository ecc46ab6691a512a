// cmark-gfm keeps the characters that start an inline extension (`~` for strikethrough, `:` and
// `w` for autolinks) in a table global to the library. Every parse sets them before it reads
// inlines and clears them after, through the exported function
// cmark_manage_extensions_special_characters (github/cmark-gfm#176), so a document parsed while
// another finishes loses its `~~` and `www.` at random.
//
// This file defines a function of that name. Linked into an executable, it takes the place of
// the library's own for the library's calls (they go through the procedure linkage table), the
// way a program's own malloc replaces the C library's. Until mcp_setup_fix_inline_characters
// runs it forwards to the library's function; after, it does nothing, and the table keeps the
// characters that every parser of this process attaches. Whether the replacement is in effect is
// checked by parsing (mcp_setup_inline_characters_fixed); when it is not, callers serialise
// parsing as before.
#define _GNU_SOURCE
#include "cmark_inline_characters.h"

#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

typedef void (*manage_function)(cmark_parser *, int);

static atomic_int fixed = 0;

static manage_function library_function(void) {
    static _Atomic(manage_function) function = NULL;
    manage_function found = atomic_load(&function);
    if (found == NULL) {
        found = (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
        atomic_store(&function, found);
    }
    return found;
}

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
    if (atomic_load(&fixed)) return;
    manage_function function = library_function();
    if (function != NULL) function(parser, add);
}

void mcp_setup_fix_inline_characters(cmark_parser *parser) {
    manage_function function = library_function();
    if (function != NULL) function(parser, 1);
    atomic_store(&fixed, 1);
}

// Renders a document with a parser that has no extensions.
static int renders_emphasis(const char *markdown) {
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    cmark_parser_feed(parser, markdown, strlen(markdown));
    cmark_node *document = cmark_parser_finish(parser);
    char *html = cmark_render_html(document, CMARK_OPT_DEFAULT, NULL);
    int emphasis = strstr(html, "<em>") != NULL;
    free(html);
    cmark_node_free(document);
    cmark_parser_free(parser);
    return emphasis;
}

int mcp_setup_inline_characters_fixed(void) {
    // While `~` is in the table (as strikethrough puts it), emphasis looks through it: in
    // `*a~*b` the closing `*` then follows `a` and closes, and `<em>a~</em>b` comes out; without
    // it, the text stays as it is. A parser with no extensions never sets `~` itself, so after a
    // parse with strikethrough has finished (and, were the library's function in charge, cleared
    // the table), the emphasis is there only if the table stayed fixed.
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    cmark_syntax_extension *strikethrough = cmark_find_syntax_extension("strikethrough");
    if (strikethrough == NULL) { cmark_parser_free(parser); return 0; }
    cmark_parser_attach_syntax_extension(parser, strikethrough);
    cmark_parser_feed(parser, "~~x~~\n", 6);
    cmark_node_free(cmark_parser_finish(parser));
    cmark_parser_free(parser);
    return atomic_load(&fixed) && renders_emphasis("*a~*b\n");
}
