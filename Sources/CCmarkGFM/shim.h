// The cmark-gfm C API (Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev), wrapped by
// MCPSetupSite's MarkdownRenderer, which is the only Swift code that imports it.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <stdlib.h>
