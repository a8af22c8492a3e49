// GitHub's CommonMark parser (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev), used for its
// linear-time parsing of every input; see VanguardCore/Learning/CommonMark.swift.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
