#!/usr/bin/env bash
# bench/lib-test.sh: a failed sign-in (sign_in_as_officer) stops the product it was to sign in to. A stand-in product
# (python3 -m http.server, which has no login page) is "started"; the sign-in fails; the stand-in must be gone. Exit 1 when it is not.
cd "$(dirname "$0")/.."
source bench/lib.sh
port=5398; base=http://127.0.0.1:$port
python3 -m http.server $port --bind 127.0.0.1 >/dev/null 2>&1 &
app=$!
for _ in $(seq 1 50); do curl -fs "$base/" >/dev/null 2>&1 && break; sleep 0.1; done
( sign_in_as_officer ) >/dev/null 2>&1
sleep 0.3
if kill -0 $app 2>/dev/null; then echo "product still running after the failed sign-in"; kill $app; exit 1; fi
echo "the failed sign-in stopped the product"
