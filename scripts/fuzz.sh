#!/usr/bin/env bash
# Fuzzes the pack parser, the content compiler, the selector checker and the URL pattern
# matcher with property tests: no input may make them panic. CI runs them with proptest's
# default 256 cases inside `cargo test`; this runs N cases each (default 1,000,000), in
# release mode. Usage: bash scripts/fuzz.sh [CASES]
set -euo pipefail
cd "$(dirname "$0")/.."
cases="${1:-1000000}"
export PROPTEST_CASES="$cases"
echo "fuzzing with $cases cases per property"
for target in \
  pack::tests::properties::no_text_makes_loading_panic \
  pack::tests::properties::no_lesson_shaped_json_makes_loading_or_listing_panic \
  pack::tests::properties::no_truncation_of_a_valid_pack_makes_loading_panic \
  compiler::markdown::tests::properties::no_text_makes_the_compiler_panic \
  compiler::markdown::tests::properties::no_markdown_makes_the_compiler_panic_or_keep_an_unsafe_url \
  compiler::source::tests::properties::no_text_makes_reading_a_lesson_panic \
  compiler::selector::tests::properties::no_text_makes_the_checker_panic \
  url_pattern::tests::properties::no_pattern_or_url_makes_matching_panic \
  url_pattern::tests::properties::decoding_any_text_never_panics; do
  start=$(date +%s)
  cargo test --release --quiet --lib "$target" -- --exact >/dev/null
  echo "ok: $target ($cases cases, $(( $(date +%s) - start )) s)"
done
