#!/usr/bin/env bash
# Builds the release vendors install, into target/release-artifacts/:
#   pathlight-<version>.tgz      the npm package `pathlight` (npm pack): the widget, its
#                                types, the ESM entry for bundlers and the authoring CLI
#                                as WebAssembly for Node (npx pathlight, no Rust needed)
#   cdn/pathlight/<version>/     the widget's files to upload to a CDN as they are (the
#                                surfaces' chunk and the author build's two included); the version in the path
#                                keeps every URL immutable
#   SHA256SUMS                   a checksum for each of those files
#   script-tag.html              the script tag, with its Subresource Integrity hash
# and prints the script tag with its Subresource Integrity hash (and the author script's).
# Leaves dist/ built.
source "$(dirname "$0")/env.sh"

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
npm_version=$(node -p 'require("./npm/package.json").version')
loader_version=$(sed -n 's/.*api\.version = "\(.*\)";.*/\1/p' src/web/loader.js)
if [ "$npm_version" != "$version" ] || [ "$loader_version" != "$version" ]; then
  echo "error: the versions differ: Cargo.toml $version, npm/package.json $npm_version, src/web/loader.js (api.version) $loader_version" >&2
  echo "  help: set all three to the version of this release" >&2
  exit 1
fi

say "widget (trunk build --release)"
trunk build --release >/dev/null

say "CLI for Node (the authoring code compiled to WebAssembly)"
cargo build --quiet --release -p pathlight-cli-node --target wasm32-unknown-unknown

out=target/release-artifacts
stage=target/npm-package
rm -rf "$stage" "$out"
mkdir -p "$stage/cli" "$out"
wasm-bindgen --target experimental-nodejs-module --out-dir "$stage/cli" \
  target/wasm32-unknown-unknown/release/pathlight_cli_node.wasm
rm "$stage/cli/package.json" "$stage"/cli/*.d.ts
# Smaller to download with npx; Node compiles it in a few milliseconds either way.
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  -o "$stage/cli/pathlight_cli_node_bg.wasm" "$stage/cli/pathlight_cli_node_bg.wasm"
cp npm/package.json npm/README.md npm/index.js npm/index.d.ts npm/react.js npm/react.d.ts "$stage/"
cp -r npm/bin "$stage/bin"
# The guides the CLI's messages name (node_modules/pathlight/docs/authoring.md), and the
# pictures they show.
mkdir -p "$stage/docs"
cp docs/authoring.md docs/api.md docs/quickstart-pm.md "$stage/docs/"
for picture in $(grep -oh '([a-z-]*\.png)' docs/authoring.md docs/api.md docs/quickstart-pm.md | tr -d '()' | sort -u); do
  cp "docs/$picture" "$stage/docs/"
done
# The widget, and the author build that only pages switching author mode on fetch.
widget="dist/pathlight.js dist/pathlight_bg.wasm dist/pathlight_surfaces.wasm dist/pathlight_author.js dist/pathlight_author_bg.wasm types/pathlight.d.ts"
for file in $widget; do
  [ -f "$file" ] || { echo "error: $file is missing after trunk build --release" >&2; exit 1; }
done
cp $widget "$stage/"

say "npm package and CDN folder"
tgz=$(cd "$stage" && npm pack --silent --pack-destination "$OLDPWD/$out")
cdn="$out/cdn/pathlight/$version"
mkdir -p "$cdn"
cp $widget "$cdn/"
(cd "$out" && sha256sum "$tgz" "cdn/pathlight/$version"/* > SHA256SUMS)

sri="sha384-$(openssl dgst -sha384 -binary "$cdn/pathlight.js" | openssl base64 -A)"
author_sri="sha384-$(openssl dgst -sha384 -binary "$cdn/pathlight_author.js" | openssl base64 -A)"
tag="<script async src=\"https://YOUR-CDN/pathlight/$version/pathlight.js\" integrity=\"$sri\" crossorigin=\"anonymous\" data-lessons=\"/lessons.json\"></script>"
echo "$tag" > "$out/script-tag.html"
cat <<REPORT
pathlight $version
  $out/$tgz
  $cdn/

Script tag (Subresource Integrity for pathlight.js, which checks every file it fetches
against a hash built into it, so this one hash covers the whole widget; the CDN must send
CORS headers; also in $out/script-tag.html):
  $tag

Author mode's script, which the loader fetches from beside pathlight.js only when the host
switches author mode on:
  pathlight_author.js  $author_sri

SHA-256 ($out/SHA256SUMS):
$(sed 's/^/  /' "$out/SHA256SUMS")
REPORT
