#!/usr/bin/env bash
# The node tests again with the clock more than a year from today, late at night in Asia/Jakarta (23:45 WIB,
# 16:45 UTC; faketime reads the time in TZ): a test that mixes a fixed date with the real clock or file times, or that only passes on the
# day it was written, fails here. The date moves with the real one so it always lies more than a year ahead;
# it is printed so a failure can be run again at the same moment (FAKE_AT='2028-01-11 23:45:00').
set -euo pipefail
at="${FAKE_AT:-$(date -u -d '+400 days' +%Y-%m-%d) 23:45:00}"
echo "node tests at ${at} Asia/Jakarta under faketime"
TZ=Asia/Jakarta exec faketime "$at" npx vitest run "$@"
