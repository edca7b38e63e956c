#!/usr/bin/env bash
# Installs whatever is missing, then serves the demo at http://127.0.0.1:8080.
source "$(dirname "$0")/env.sh"
say "serving the Acme Ledger demo at http://127.0.0.1:8080 (the first build takes a few minutes)"
exec trunk serve --release
