#!/usr/bin/env bash
# Installs whatever is missing, then runs every test: native, components in headless
# Chromium, and end to end against the release build loaded through the script tag.
source "$(dirname "$0")/env.sh"

say "native tests (pure core and CLI)"
cargo test --quiet

say "pathlight report against docs/analytics.md's SQL, run in DuckDB and ClickHouse"
sql_engines
target/sql-venv/bin/python tests/report_sql.py

say "component tests (wasm-bindgen-test in headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER="$(command -v chromedriver)" \
  cargo test --target wasm32-unknown-unknown --test components

say "release (the widget by trunk with wasm-opt -Oz, the npm package, the CDN folder)"
bash scripts/release.sh

say "the React, webpack and Next.js apps: the packed tarball installed, then npm run build"
# React: its lessons linted and built by npx pathlight, tsc --noEmit, vite build (and a
# development build, where Strict Mode runs effects twice). webpack: bundled with no
# configuration. Next.js: next build with Turbopack, its default; nothing downloaded.
version=$(node -p 'require("./npm/package.json").version')
export NEXT_TELEMETRY_DISABLED=1
for app in tests/e2e/hosts/react-app tests/e2e/hosts/webpack-app tests/e2e/hosts/next-app; do
  if [ ! -f "$app/node_modules/.package-lock.json" ] || [ "$app/package-lock.json" -nt "$app/node_modules/.package-lock.json" ]; then
    npm ci --prefix "$app" --no-audit --no-fund --loglevel=error
  fi
  npm install --prefix "$app" --no-save --no-audit --no-fund --loglevel=error "target/release-artifacts/pathlight-$version.tgz"
  npm run --prefix "$app" --silent build >/dev/null
done

say "end-to-end tests (the release build in plain HTML hosts, the React, webpack and Next.js apps, the npm CLI; headless Chromium)"
cargo run --quiet --bin pathlight -- build tests/fixtures/pack -o tests/e2e/artifacts/lessons.json
node --test --test-concurrency=1 tests/e2e/*.test.mjs

say "TypeScript declarations (tsc against the API as implemented)"
node types/check.mjs

say "size report"
node scripts/size-report.mjs
