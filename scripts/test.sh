#!/usr/bin/env bash
# Installs whatever is missing, then runs every test: native, components in headless
# Chromium, and end to end against the release build loaded through the script tag.
source "$(dirname "$0")/env.sh"

say "native tests (pure core and CLI)"
cargo test --quiet

say "component tests (wasm-bindgen-test in headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER="$(command -v chromedriver)" \
  cargo test --target wasm32-unknown-unknown --test components

say "release (the widget by trunk with wasm-opt -Oz, the npm package, the CDN folder)"
bash scripts/release.sh

say "end-to-end tests (release build in a plain HTML host, headless Chromium)"
cargo run --quiet --bin pathlight -- build tests/fixtures/pack -o tests/e2e/artifacts/lessons.json
node --test --test-concurrency=1 tests/e2e/*.test.mjs

say "TypeScript declarations (tsc against the API as implemented)"
node types/check.mjs

say "size report"
node scripts/size-report.mjs
