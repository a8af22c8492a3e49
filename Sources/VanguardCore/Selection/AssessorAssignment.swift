/// Shares applications among assessors: each application gets `perApplication` assessors, none of
/// them conflicted, and every assessor as near the same number of applications as conflicts allow.
///
/// A min-cost flow (source → application, capacity N → assessor, 1 where not conflicted → sink,
/// where an assessor's k-th application costs 2k − 1) gives the least sum of squared workloads.
public enum AssessorAssignment {
    public struct Shortfall: Error, Sendable, Equatable, CustomStringConvertible {
        /// Applications that cannot get enough unconflicted assessors, with how many they can get.
        public let applications: [String: Int]
        public let perApplication: Int
        public var description: String {
            let named = applications.keys.sorted().map { "\($0) (\(applications[$0]!) free of conflicts)" }.joined(separator: ", ")
            return "Each application needs \(perApplication) assessors with no conflict of interest; these have too few: \(named)."
        }
    }

    /// Assessors for each application, in the order given. `conflicted(application, assessor)`
    /// says when an assessor must not see an application.
    public static func balance(
        applications: [String], assessors: [String], perApplication: Int, conflicted: (String, String) -> Bool
    ) throws(Shortfall) -> [String: [String]] {
        try balance(needs: applications.map { ($0, perApplication) }, assessors: assessors, conflicted: conflicted)
    }

    /// As above, where each application needs its own number of assessors (some may already have
    /// scores in; `conflicted` should also rule out assessors already on the application).
    public static func balance(
        needs: [(application: String, count: Int)], assessors: [String], conflicted: (String, String) -> Bool
    ) throws(Shortfall) -> [String: [String]] {
        let free = needs.map { need in assessors.indices.filter { !conflicted(need.application, assessors[$0]) } }
        var short: [String: Int] = [:]
        for (need, options) in zip(needs, free) where options.count < need.count { short[need.application] = options.count }
        guard short.isEmpty else { throw Shortfall(applications: short, perApplication: needs.map(\.count).max() ?? 0) }
        let total = needs.map(\.count).reduce(0, +)
        guard total > 0 else { return Dictionary(needs.map { ($0.application, []) }, uniquingKeysWith: { first, _ in first }) }

        let source = 0, firstApplication = 1, firstAssessor = 1 + needs.count, sink = firstAssessor + assessors.count
        var flow = MinCostFlow(nodes: sink + 1)
        var edges: [[(edge: Int, assessor: Int)]] = Array(repeating: [], count: needs.count)
        for (index, options) in free.enumerated() {
            flow.addEdge(from: source, to: firstApplication + index, capacity: needs[index].count, cost: 0)
            for assessor in options {
                edges[index].append(
                    (flow.addEdge(from: firstApplication + index, to: firstAssessor + assessor, capacity: 1, cost: 0), assessor))
            }
        }
        for assessor in assessors.indices {
            for k in 1...total {
                flow.addEdge(from: firstAssessor + assessor, to: sink, capacity: 1, cost: 2 * k - 1)
            }
        }
        _ = flow.run(from: source, to: sink)
        var result: [String: [String]] = [:]
        for (index, need) in needs.enumerated() {
            result[need.application] = edges[index].filter { flow.flow(onEdge: $0.edge) > 0 }.map { assessors[$0.assessor] }
        }
        return result
    }
}
