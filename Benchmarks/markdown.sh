#!/usr/bin/env bash
# Markdown rendering, side by side: `vanguard benchmark markdown` (cmark-gfm through Swift, then the
# allowlist) on 100 KB of plain prose and of each adversarial family, and the cmark-gfm
# command-line tool alone on the same files as the reference. Release build unless CONFIGURATION=debug.
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${CONFIGURATION:-release}
./scripts/install-build-deps.sh >/dev/null
command -v cmark-gfm >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cmark-gfm >/dev/null; }
swift build -c "$configuration" --product vanguard >/dev/null
binary=$(swift build -c "$configuration" --show-bin-path)/vanguard
inputs=$(mktemp -d /tmp/vanguard-markdown.XXXXXX)
trap 'rm -rf "$inputs"' EXIT
DATABASE_URL="sqlite::memory:" "$binary" benchmark markdown --export "$inputs"
echo
echo "reference: the cmark-gfm command-line tool (process start included), milliseconds per 100 KB, best of 5"
for file in "$inputs"/*.md; do
    python3 - "$file" <<'PY'
import subprocess, sys, time
path = sys.argv[1]
best = min(
    (lambda t0: (subprocess.run(["cmark-gfm", "--unsafe", "-e", "table", "-e", "strikethrough", path], stdout=subprocess.DEVNULL, check=True), time.perf_counter() - t0)[1])(time.perf_counter())
    for _ in range(5)
)
print(f"{path.rsplit('/', 1)[-1][3:-3]:<36} {best * 1000:9.2f} ms")
PY
done
