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
# The link must name its release by an absolute path: a relative one would be
# read from the link's own folder, and point nowhere.
case "$target" in /*) ;; *) target="$(pwd)/$target" ;; esac
releases="$target.releases"
keep=${PARCOURS_KEEP_RELEASES:-5}
case "$keep" in
  ''|*[!0-9]*|0) echo "publish: PARCOURS_KEEP_RELEASES must be 1 or more (the release being served is one)." >&2; exit 1 ;;
esac

[ -f "$site/index.html" ] || { echo "publish: $site/index.html is missing: build the site first (make build)." >&2; exit 1; }
mkdir -p "$releases"
# Named by the time to the nanosecond (GNU date): names sort as releases were made.
release="$releases/$(date -u +%Y%m%dT%H%M%S.%NZ)"
cp -R "$site" "$release"

# A folder published by hand before: keep it as the oldest release.
if [ -d "$target" ] && [ ! -L "$target" ]; then
  mv "$target" "$releases/00000000-before-parcours"
fi
ln -sfn "$release" "$target.next"
# One rename replaces the link (GNU mv; -T: never move into the old release).
mv -T "$target.next" "$target"

# Keep the newest releases only (the one just published is the newest).
count=$(ls -1d "$releases"/*/ | wc -l)
if [ "$count" -gt "$keep" ]; then
  ls -1d "$releases"/*/ | sort | head -n "$((count - keep))" | while read -r old; do
    [ "${old%/}" = "$release" ] || rm -rf "$old"
  done
fi
echo "published: $target -> $release"
