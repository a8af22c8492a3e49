/// Maximum matching of left nodes to right nodes by augmenting paths (Kuhn's algorithm), with
/// the Hall witness: the left nodes that compete for too few right nodes when not all can match.
struct BipartiteMatching {
    let options: [[Int]]
    let rightCount: Int
    private(set) var matchOfRight: [Int?]
    private(set) var matchOfLeft: [Int?]

    init(options: [[Int]], rightCount: Int) {
        self.options = options
        self.rightCount = rightCount
        matchOfRight = Array(repeating: nil, count: rightCount)
        matchOfLeft = Array(repeating: nil, count: options.count)
        for left in options.indices {
            var seen = Array(repeating: false, count: rightCount)
            _ = augment(from: left, seen: &seen)
        }
    }

    var size: Int { matchOfLeft.count { $0 != nil } }

    private mutating func augment(from left: Int, seen: inout [Bool]) -> Bool {
        for right in options[left] where !seen[right] {
            seen[right] = true
            if matchOfRight[right] == nil || augment(from: matchOfRight[right]!, seen: &seen) {
                matchOfRight[right] = left
                matchOfLeft[left] = right
                return true
            }
        }
        return false
    }

    /// Left nodes reachable by alternating paths from the unmatched ones, and the right nodes
    /// they can use between them: fewer right nodes than left ones, which is why not all match.
    func hallWitness() -> (left: [Int], right: [Int]) {
        var leftSeen = Array(repeating: false, count: options.count)
        var rightSeen = Array(repeating: false, count: rightCount)
        var stack = options.indices.filter { matchOfLeft[$0] == nil }
        for left in stack { leftSeen[left] = true }
        while let left = stack.popLast() {
            for right in options[left] where !rightSeen[right] {
                rightSeen[right] = true
                if let next = matchOfRight[right], !leftSeen[next] {
                    leftSeen[next] = true
                    stack.append(next)
                }
            }
        }
        return (options.indices.filter { leftSeen[$0] }, (0..<rightCount).filter { rightSeen[$0] })
    }
}
