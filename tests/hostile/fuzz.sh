#!/usr/bin/env bash
# Nightly job: runs each cargo-fuzz target (fuzz/) for a bounded time. Building the fuzz crate
# instruments the whole server and its dependencies (tens of minutes on 2 cores the first time),
# which is why this is not in .ci/run. A crash leaves fuzz/artifacts/<target>/crash-* and fails
# the job; `cargo +nightly fuzz fmt <target> <file>` prints the input, which then goes into the
# target's `fuzz_regressions` unit test (src/content/invariants.rs, src/phi/invariants.rs).
#   FUZZ_SECONDS=60 tests/hostile/fuzz.sh [markdown|phi]
set -euo pipefail
cd "$(dirname "$0")/../../fuzz"
SECONDS_EACH="${FUZZ_SECONDS:-60}"
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
targets=("${@:-markdown}")
[ $# -eq 0 ] && targets=(markdown phi)
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  echo "== fuzzing $target for ${SECONDS_EACH}s"
  # No sanitizer: the code under test is safe Rust, what we look for is panics and broken
  # invariants, and an uninstrumented build runs several times faster.
  cargo +nightly fuzz run --sanitizer none -O "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$SECONDS_EACH" -max_len=4096 -timeout=10 -print_final_stats=1
done
