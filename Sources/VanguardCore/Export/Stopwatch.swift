/// The best of several timings of the same work, in seconds: the figure least disturbed by
/// whatever else a shared machine is doing. For benchmarks and ratio checks, never for limits.
public enum Stopwatch {
    public static func bestSeconds(of repeats: Int, _ work: () -> Void) -> Double {
        let clock = ContinuousClock()
        var best = Double.infinity
        for _ in 0..<max(1, repeats) {
            let elapsed = clock.measure(work)
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return best
    }
}
