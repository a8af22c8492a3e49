/// Solves a presentation timetable. Every applicant presents once, to one panel, in one slot;
/// no panel hears an applicant any of its assessors is conflicted with; no applicant presents
/// when unavailable; no panel or assessor is in two places at once; panel workloads are as even
/// as the constraints allow (the sum of squared loads is least), and presentations come as early
/// as that allows.
///
/// Method: a min-cost flow from applicants through (panel, slot) pairs to panels, with a convex
/// cost per extra presentation on a panel, is exact when no assessor sits on two panels. When
/// some do, the flow's answer is kept if it double-books no one, else a backtracking search
/// (fewest options first, least-loaded panel first) places applicants under every constraint.
/// When no timetable exists, the relaxed problems say which constraint is to blame.
public enum TimetableSolver {
    /// Nodes explored by the backtracking search before giving up on a shared-assessor instance.
    public static let searchLimit = 100_000

    public static func solve(_ problem: TimetableProblem) throws(TimetableFailure) -> Timetable {
        let instance: TimetableInstance
        do { instance = try TimetableInstance(problem) } catch { throw .input(error) }
        if instance.applicants.isEmpty { return Timetable(slots: []) }
        let options = instance.options(conflicts: true, unavailability: true)
        let relaxed = BipartiteMatching(options: options.map { $0.map(instance.pairIndex) }, rightCount: instance.pairCount)
        guard relaxed.size == instance.applicants.count else { throw .unsolvable(diagnose(instance, relaxed)) }
        if let unsolvable = concurrencyBound(instance, options: options) { throw .unsolvable(unsolvable) }
        let balanced = balancedAssignment(instance, options: options)
        if instance.clashes(in: balanced).isEmpty {
            return instance.timetable(from: balanced)
        }
        let (found, exhausted) = search(instance, options: options)
        guard let found else {
            let outcome =
                exhausted
                ? "No timetable exists"
                : "No timetable was found in \(searchLimit) search steps"
            throw .unsolvable(
                TimetableUnsolvable(
                    constraint: .assessorOverlap,
                    message:
                        "\(outcome): every applicant could be placed if assessors on several panels could be in two at once. Give those assessors one panel each, or add slots.",
                    applicants: instance.applicants.map(\.id)
                ))
        }
        return instance.timetable(from: found)
    }

    /// When assessors sit on several panels, only panels with no assessor in common can sit at
    /// once, so each slot holds at most the largest such set of panels: a tighter relaxation
    /// that proves most impossible shared-assessor timetables without searching.
    private static func concurrencyBound(_ instance: TimetableInstance, options: [[TimetableInstance.Pair]]) -> TimetableUnsolvable? {
        let concurrent = instance.mostPanelsAtOnce
        guard concurrent < instance.panels.count else { return nil }
        let applicantCount = instance.applicants.count, slotCount = instance.slots.count
        let firstApplicant = 1, firstPair = firstApplicant + applicantCount, firstSlot = firstPair + instance.pairCount
        let sink = firstSlot + slotCount
        var flow = MinCostFlow(nodes: sink + 1)
        for applicant in 0..<applicantCount {
            flow.addEdge(from: 0, to: firstApplicant + applicant, capacity: 1, cost: 0)
            for pair in options[applicant] {
                flow.addEdge(from: firstApplicant + applicant, to: firstPair + instance.pairIndex(pair), capacity: 1, cost: 0)
            }
        }
        for pair in 0..<instance.pairCount { flow.addEdge(from: firstPair + pair, to: firstSlot + pair % slotCount, capacity: 1, cost: 0) }
        for slot in 0..<slotCount { flow.addEdge(from: firstSlot + slot, to: sink, capacity: concurrent, cost: 0) }
        let placed = flow.run(from: 0, to: sink)
        guard placed < applicantCount else { return nil }
        return TimetableUnsolvable(
            constraint: .assessorOverlap,
            message:
                "No timetable exists: assessors who sit on several panels let at most \(concurrent) of the \(instance.panels.count) panels sit at once, which places at most \(placed) of the \(applicantCount) applicants. Give those assessors one panel each, or add slots.",
            applicants: instance.applicants.map(\.id)
        )
    }

    /// The min-cost flow: source → applicant → (panel, slot) → panel → sink, where the k-th
    /// presentation on a panel costs (2k − 1)·W, so total cost grows with the squared loads, and
    /// each slot adds its index, so earlier slots win ties.
    private static func balancedAssignment(_ instance: TimetableInstance, options: [[TimetableInstance.Pair]]) -> [TimetableInstance.Pair] {
        let applicantCount = instance.applicants.count, pairCount = instance.pairCount
        let panelCount = instance.panels.count
        let source = 0, firstApplicant = 1, firstPair = firstApplicant + applicantCount
        let firstPanel = firstPair + pairCount, sink = firstPanel + panelCount
        var flow = MinCostFlow(nodes: sink + 1)
        let weight = applicantCount * (instance.slots.count + 1) + 1
        var choice: [[(edge: Int, pair: TimetableInstance.Pair)]] = Array(repeating: [], count: applicantCount)
        for applicant in 0..<applicantCount {
            flow.addEdge(from: source, to: firstApplicant + applicant, capacity: 1, cost: 0)
            for pair in options[applicant] {
                let edge = flow.addEdge(
                    from: firstApplicant + applicant, to: firstPair + instance.pairIndex(pair), capacity: 1, cost: pair.slot)
                choice[applicant].append((edge, pair))
            }
        }
        for pair in 0..<pairCount {
            flow.addEdge(from: firstPair + pair, to: firstPanel + pair / instance.slots.count, capacity: 1, cost: 0)
        }
        for panel in 0..<panelCount {
            for k in 1...applicantCount {
                flow.addEdge(from: firstPanel + panel, to: sink, capacity: 1, cost: (2 * k - 1) * weight)
            }
        }
        _ = flow.run(from: source, to: sink)
        return choice.map { edges in edges.first { flow.flow(onEdge: $0.edge) > 0 }!.pair }
    }

    /// Depth-first search with the most constrained applicant first. Without a timetable,
    /// `exhausted` says whether the search proved there is none or reached its step limit.
    private static func search(_ instance: TimetableInstance, options: [[TimetableInstance.Pair]]) -> (
        found: [TimetableInstance.Pair]?, exhausted: Bool
    ) {
        var state = TimetableSearchState(instance: instance)
        var assignment: [TimetableInstance.Pair?] = Array(repeating: nil, count: instance.applicants.count)
        var explored = 0

        func place(_ remaining: Int) -> Bool {
            if remaining == 0 { return true }
            explored += 1
            if explored > searchLimit { return false }
            var best: (applicant: Int, open: [TimetableInstance.Pair])?
            for applicant in options.indices where assignment[applicant] == nil {
                let open = options[applicant].filter { state.isFree($0) }
                if open.isEmpty { return false }
                if best == nil || open.count < best!.open.count { best = (applicant, open) }
            }
            guard let (applicant, open) = best else { return true }
            let ordered = open.sorted { (state.load[$0.panel], $0.slot) < (state.load[$1.panel], $1.slot) }
            for pair in ordered {
                state.occupy(pair)
                assignment[applicant] = pair
                if place(remaining - 1) { return true }
                assignment[applicant] = nil
                state.release(pair)
            }
            return false
        }

        let placed = place(instance.applicants.count)
        return (placed ? assignment.map { $0! } : nil, explored <= searchLimit)
    }

    /// Which constraint leaves applicants unplaced: the same matching with conflicts ignored,
    /// then with unavailable times ignored, tells them apart.
    private static func diagnose(_ instance: TimetableInstance, _ matching: BipartiteMatching) -> TimetableUnsolvable {
        let names = instance.applicants.map(\.id)
        if instance.slots.isEmpty {
            return TimetableUnsolvable(
                constraint: .slots,
                message: "No session is long enough for one \(instance.slotMinutes)-minute presentation.",
                applicants: names
            )
        }
        func placesAll(conflicts: Bool, unavailability: Bool) -> Bool {
            let options = instance.options(conflicts: conflicts, unavailability: unavailability)
            return BipartiteMatching(options: options.map { $0.map(instance.pairIndex) }, rightCount: instance.pairCount).size
                == names.count
        }
        let witness = matching.hallWitness()
        let stuck = witness.left.map { names[$0] }
        let listed = stuck.prefix(10).joined(separator: ", ") + (stuck.count > 10 ? " and \(stuck.count - 10) more" : "")
        let constraint: TimetableConstraint
        let reason: String
        if names.count > instance.pairCount {
            constraint = .capacity
            reason =
                "\(names.count) applicants but only \(instance.pairCount) presentation slots (\(instance.panels.count) panels × \(instance.slots.count) slots)"
        } else if placesAll(conflicts: false, unavailability: true) {
            constraint = .conflicts
            reason =
                "conflicts of interest leave \(stuck.count) applicant\(stuck.count == 1 ? "" : "s") (\(listed)) only \(witness.right.count) panel slot\(witness.right.count == 1 ? "" : "s") between them"
        } else if placesAll(conflicts: true, unavailability: false) {
            constraint = .unavailability
            reason =
                "unavailable times leave \(stuck.count) applicant\(stuck.count == 1 ? "" : "s") (\(listed)) only \(witness.right.count) panel slot\(witness.right.count == 1 ? "" : "s") between them"
        } else {
            constraint = .conflictsAndUnavailability
            reason =
                "conflicts of interest and unavailable times together leave \(stuck.count) applicant\(stuck.count == 1 ? "" : "s") (\(listed)) only \(witness.right.count) panel slot\(witness.right.count == 1 ? "" : "s") between them"
        }
        return TimetableUnsolvable(constraint: constraint, message: "No timetable exists: \(reason).", applicants: stuck)
    }
}
