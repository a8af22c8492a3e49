# Shared by the HTTP benchmarks (sourced, not run).

# A free loopback port.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# wrk's summary of URL as "req/s p50 p99 errors" (latencies in milliseconds; errors are socket
# errors and answers other than 2xx/3xx), with $connections connections for $duration seconds.
measure() {
    wrk -t2 -c"$connections" -d"${duration}s" --latency "$1" | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(label):
    m = re.search(r"^\s*" + label + r"\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    if not m: return float("nan")
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errors += int(bad.group(1)) if bad else 0
p50, p99 = ms("50%"), ms("99%")
print(f"{rate:.0f} {p50:.2f} {p99:.2f} {errors}")'
}
