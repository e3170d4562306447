#!/bin/sh
# Publish a built site into the folder the intranet web server serves.
#
#   scripts/publish.sh SITE_DIR PUBLISHED_DIR
#
# PUBLISHED_DIR becomes a symbolic link to the newest release, kept beside it
# in PUBLISHED_DIR.releases/: the switch is a single rename, so a reader never
# gets half a site, and rolling back is pointing the link at an older release.
# The web server serves PUBLISHED_DIR (nginx and Apache follow the link).
set -eu

site=${1:?"usage: $0 SITE_DIR PUBLISHED_DIR"}
target=${2:?"usage: $0 SITE_DIR PUBLISHED_DIR"}
target=${target%/}
releases="$target.releases"
keep=${PARCOURS_KEEP_RELEASES:-5}

[ -f "$site/index.html" ] || { echo "publish: $site/index.html is missing: build the site first (make build)." >&2; exit 1; }
mkdir -p "$releases"
release="$releases/$(date -u +%Y%m%dT%H%M%SZ)-$$"
cp -R "$site" "$release"

# A folder published by hand before: keep it as the oldest release.
if [ -d "$target" ] && [ ! -L "$target" ]; then
  mv "$target" "$releases/00000000-before-parcours"
fi
ln -sfn "$release" "$target.next"
mv -T "$target.next" "$target"

# Keep the newest releases only.
ls -1d "$releases"/*/ | sort | head -n "-$keep" | while read -r old; do rm -rf "$old"; done
echo "published: $target -> $release"
