import VanguardCore

/// "Find your local vanguard", now one half of the site's one search: the registry matches.
enum FindPage {}
