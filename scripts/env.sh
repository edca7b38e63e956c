# Sourced by the demo and test scripts: installs whatever is missing, then puts the
# project's tools first on the PATH. Safe to run again; quick when all is there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

debs=()
command -v chromium >/dev/null || debs+=(chromium)
command -v chromedriver >/dev/null || debs+=(chromium-driver)
command -v node >/dev/null || debs+=(nodejs)
command -v npm >/dev/null || debs+=(npm)
# Python with venv, for DuckDB and ClickHouse below (Debian's python3 has no ensurepip without python3-venv).
command -v python3 >/dev/null || debs+=(python3)
python3 -c 'import ensurepip' 2>/dev/null || debs+=(python3-venv)
if [ ${#debs[@]} -gt 0 ]; then
  say "installing ${debs[*]} (Debian packages)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${debs[@]}" >/dev/null
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
# The widget's std is built for size from source (scripts/build-widget.mjs; PATHLIGHT_STD=prebuilt
# builds without it).
rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src

if ! trunk --version 2>/dev/null | grep -q '0\.21\.14'; then
  say "installing trunk 0.21.14 (about 10 minutes on 2 cores)"
  cargo install --locked trunk --version 0.21.14
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q '0\.2\.130'; then
  say "installing wasm-bindgen-cli 0.2.130"
  # Its lock file can name a crate version the registry no longer serves; then resolve afresh.
  cargo install --locked wasm-bindgen-cli --version 0.2.130 || cargo install wasm-bindgen-cli --version 0.2.130
fi

# Splits the widget's wasm into what starts it and the surfaces that come later.
# (It prints no version, so cargo's list of installed crates says which it is.)
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -q '^wasm_split_cli_support v0\.2\.4:'; then
  say "installing wasm-split-cli 0.2.4 (wasm_split_cli_support)"
  cargo install --locked wasm_split_cli_support --version 0.2.4 --features build-binary
fi

# wasm-opt comes from npm's binaryen@132: Debian's binaryen 108 corrupts wasm-bindgen output.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools (binaryen, esbuild, playwright-core, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# DuckDB and ClickHouse (chDB, ClickHouse as a library), for the test that runs
# docs/analytics.md's SQL in each and compares it with `pathlight report --json`
# (tests/report_sql.py): from PyPI, pinned, into the project's own virtual environment.
# Only the tests need them (about 0.9 GB), so scripts/test.sh asks for them; the demo does not.
sql_engines() {
  if ! target/sql-venv/bin/python -c 'import duckdb, chdb' 2>/dev/null; then
    say "installing duckdb and chdb-core (PyPI) into target/sql-venv"
    python3 -m venv target/sql-venv
    target/sql-venv/bin/pip install --quiet --disable-pip-version-check duckdb==2.0.1 chdb-core==26.9.0
  fi
}
