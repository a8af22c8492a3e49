#!/usr/bin/env bash
# Installs the C library the build links against on a fresh Debian machine: cmark-gfm, GitHub's
# CommonMark parser, which renders posts in time linear in their length (see VanguardCore's
# CommonMark.swift). Installs only when it is missing, so a second run is instant.
set -euo pipefail
if [ ! -f /usr/include/cmark-gfm.h ] || [ ! -f /usr/include/cmark-gfm-core-extensions.h ]; then
    echo "install-build-deps: installing libcmark-gfm-dev libcmark-gfm-extensions-dev"
    export DEBIAN_FRONTEND=noninteractive
    sudo_if_needed=()
    [ "$(id -u)" = 0 ] || sudo_if_needed=(sudo)
    "${sudo_if_needed[@]}" apt-get update -qq
    "${sudo_if_needed[@]}" apt-get install -y -qq --no-install-recommends libcmark-gfm-dev libcmark-gfm-extensions-dev >/dev/null
fi
echo "install-build-deps: ready"
