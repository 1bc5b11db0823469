# Shell functions shared by the benchmark scripts (source it; it defines functions only).

# Installs GNU time, which reports a process's peak RSS, when missing.
bench_require_time() {
  if [ ! -x /usr/bin/time ]; then
    echo "== installing GNU time" >&2
    apt-get update -qq && apt-get install -y -qq time >/dev/null
  fi
}

# bench_python_env VENV TIMEOUT: a virtualenv at VENV with the peers' packages (pandas, DuckDB, Polars), so
# that the system Python stays clean. Prints nothing when they are already there.
bench_python_env() {
  local venv=$1 timeout_seconds=$2
  if ! "$venv/bin/python" -c 'import pandas, duckdb, polars' 2>/dev/null; then
    echo "== creating $venv with pandas, duckdb and polars" >&2
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    timeout "$timeout_seconds" "$venv/bin/pip" install --quiet --disable-pip-version-check pandas duckdb polars
  fi
}
