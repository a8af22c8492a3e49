import Foundation

/// The Cholesky factor of the free weights' block of `P`, and `P_FF⁻¹1`, kept between solves that
/// share one `P`. A conformal interval's search solves the same donors' problem under dozens of
/// nulls, each warm-started from the last, and their free weights rarely change: factoring the block
/// afresh each time was two fifths of refitting every impact estimate. One entry is enough, since
/// consecutive solves are what share a support. Locked, because the problem is a value that
/// could be copied across threads; in practice one search uses it at a time.
final class FreeBlockFactors: @unchecked Sendable {
    struct Entry {
        let support: [Int]
        let factor: [Double]
        let onesSolution: [Double]
    }

    private let lock = NSLock()
    private var entry: Entry?

    func factors(for support: [Int]) -> Entry? {
        lock.withLock { entry?.support == support ? entry : nil }
    }

    func keep(_ new: Entry) {
        lock.withLock { entry = new }
    }
}
