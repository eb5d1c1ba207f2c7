# data.sh - sourced by run.sh and questions.sh: the generated KB of N
# records for the seed, cached under $BENCH_DIR/data and generated again
# when gen.py changes.  Needs $here (this directory), $BENCH_DIR, $seed and
# a note() that writes to stderr.

gen_hash=$(sha256sum "$here/gen.py" | cut -c1-16)

# data_for N: prints the data directory (DIR/kb is the KB)
data_for() {
	local n=$1 d="$BENCH_DIR/data/n$1-s$seed"
	if [ "$(cat "$d/.stamp" 2>/dev/null)" != "$gen_hash" ]; then
		note "generating $n records in $d"
		rm -rf "$d"
		python3 "$here/gen.py" --seed "$seed" -n "$n" --out "$d" >&2
		echo "$gen_hash" >"$d/.stamp"
	fi
	echo "$d"
}
