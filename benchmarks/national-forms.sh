# Sourced by the ingest benchmarks, from the repository's root.
# national_forms DIR: makes sure DIR holds the national 2021–2025 set of forms, generating it (seed 1) if it does not;
# a set whose generation did not finish (no manifest.csv) is generated again.
national_forms() {
  local forms=$1
  if [[ ! -f "$forms/manifest.csv" ]]; then
    rm -rf "$forms"
    echo "== generate (national, seed 1) into $forms"
    local started=$SECONDS
    ./pcmd generate --out "$forms" --scope national --seed 1
    echo "generate: $((SECONDS - started)) s"
  fi
}
