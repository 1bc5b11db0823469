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

# bench_server_store TRUCE DB RECORDS AGREEMENTS SEED BENCH WORK: a store at DB of RECORDS records, half ACLED and
# half GDELT (the real samples cycled with fresh ids and shifted by SEED, inputs cached in BENCH), the 2025 and
# Donbas catalogues and AGREEMENTS generated local ceasefires (written under WORK), judged once; kept as it is
# when BENCH_KEEP_STORE is set and DB exists.
bench_server_store() {
  local truce=$1 db=$2 records=$3 agreements=$4 seed=$5 bench=$6 work=$7 inputs
  if [ -n "${BENCH_KEEP_STORE:-}" ] && [ -f "$db" ]; then return 0; fi
  rm -f "$db" "$db"-*
  echo "== generating $records records (half ACLED, half GDELT)" >&2
  inputs=$(python3 scripts/bench/generate.py --records "$records" --shift-seed "$seed" --out-dir "$bench")
  echo "== generating $agreements local ceasefires over the data's countries" >&2
  python3 scripts/bench/agreements.py "$work/agreements" --count "$agreements" >&2
  echo "== building the store" >&2
  "$truce" agreements load agreements/2025 agreements/donbas "$work/agreements" --db "$db" >/dev/null
  "$truce" import acled "$(echo "$inputs" | awk -F'\t' '$1 == "acled" { print $2 }')" --db "$db" >/dev/null
  "$truce" import gdelt "$(echo "$inputs" | awk -F'\t' '$1 == "gdelt" { print $2 }')" --db "$db" >/dev/null
  "$truce" adjudicate --db "$db" >/dev/null
}
