# Shared by the bench scripts (sourced): start the Release product on the generated PostgreSQL data set and sign in.
# Needs: pg (server connection string), name (database), port. Sets: base, app (the product's pid), cookie.
# BENCH_APP: the product's dll (default the Release build; another build's copy to measure before and after on one data set).
# A product that does not answer, or a sign-in that fails, stops the product and exits; callers stop it at their end with
# stop_product (trap ... EXIT).
start_product_on_bench_db() {
  base=http://127.0.0.1:$port
  [ -z "${BENCH_NOBUILD:-}" ] && [ -z "${BENCH_APP:-}" ] && dotnet build src/Clusterpact.Web -c Release -nologo -v quiet -clp:ErrorsOnly
  local dll
  dll=$(realpath "${BENCH_APP:-src/Clusterpact.Web/bin/Release/net10.0/Clusterpact.Web.dll}")
  (cd src/Clusterpact.Web && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$base Database__Provider=PostgreSQL \
    ConnectionStrings__PostgreSQL="$pg;Database=$name" Security__RequireTwoFactorForStaff=false Reminders__Enabled=false \
    Serilog__MinimumLevel__Default=Warning exec dotnet "$dll" >"/tmp/clusterpact-bench-$port.log" 2>&1) &
  app=$!
  for _ in $(seq 1 120); do curl -fs "$base/health" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "the product did not answer at $base (its log: /tmp/clusterpact-bench-$port.log)" >&2
  stop_product
  exit 1
}

# Stops the product start_product_on_bench_db started, and waits for it, so its port is free again.
stop_product() {
  [ -n "${app:-}" ] || return 0
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
}

# Sign in as the demo programme officer (second factor off by configuration): the form's antiforgery token and cookie, then the session cookie.
# Every step may fail (no page, no token, refused): the session check at the end says whether it worked.
sign_in_as_officer() {
  local jar token
  jar=$(mktemp)
  token=$(curl -s -c "$jar" -b "$jar" "$base/Account/Login" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1) || true
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=officer@clusterpact.demo" --data-urlencode "Input.Password=Clusterpact-2026" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login" || true
  cookie=$(awk 'BEGIN{ORS="; "} !/^#/ && NF>=7 {print $6"="$7} /^#HttpOnly_/ {print $6"="$7}' "$jar")
  rm -f "$jar"
  if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/Dashboard")" != 200 ]; then
    echo "sign-in failed (the product's log: /tmp/clusterpact-bench-$port.log)" >&2
    stop_product
    exit 1
  fi
}

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo '?'; }
peak_rss_mb() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo '?'; }
