/// A timetable problem checked and indexed for solving: slots cut from the sessions in time
/// order, assessors and applicants numbered, conflicts and unavailable times as lookups.
struct TimetableInstance {
    struct Slot {
        let date: String
        let start: Int
        let end: Int
    }

    struct Panel {
        let id: String
        let assessors: [Int]
    }

    /// A panel hearing a presentation in a slot.
    struct Pair: Hashable {
        let panel: Int
        let slot: Int
    }

    let slotMinutes: Int
    let slots: [Slot]
    let panels: [Panel]
    let applicants: [TimetableProblem.Applicant]
    let assessorCount: Int
    /// conflicted[applicant][panel]: some assessor on the panel has declared a conflict.
    let conflicted: [[Bool]]
    /// unavailable[applicant][slot]
    let unavailable: [[Bool]]

    var pairCount: Int { panels.count * slots.count }
    func pairIndex(_ pair: Pair) -> Int { pair.panel * slots.count + pair.slot }

    init(_ problem: TimetableProblem) throws(TimetableInputError) {
        // A day has 1,440 minutes: bounding both keeps every sum of times far from overflowing.
        guard (1...1440).contains(problem.slotMinutes) else {
            throw TimetableInputError(field: "slot_minutes", reason: "should be from 1 to 1440 minutes")
        }
        guard (0...1440).contains(problem.changeoverMinutes) else {
            throw TimetableInputError(field: "changeover_minutes", reason: "should be from 0 to 1440 minutes")
        }
        slotMinutes = problem.slotMinutes
        slots = try Self.cutSlots(problem)
        var assessorNumbers: [String: Int] = [:]
        var panels: [Panel] = []
        var panelIDs = Set<String>()
        for (index, panel) in problem.panels.enumerated() {
            guard !panel.id.isEmpty else { throw TimetableInputError(field: "panels[\(index)].id", reason: "is empty") }
            guard panelIDs.insert(panel.id).inserted else {
                throw TimetableInputError(field: "panels[\(index)].id", reason: "\"\(panel.id)\" is given twice")
            }
            guard !panel.assessors.isEmpty else {
                throw TimetableInputError(field: "panels[\(index)].assessors", reason: "a panel needs at least one assessor")
            }
            var members: [Int] = []
            for name in panel.assessors {
                let number = assessorNumbers[name] ?? assessorNumbers.count
                assessorNumbers[name] = number
                if !members.contains(number) { members.append(number) }
            }
            panels.append(Panel(id: panel.id, assessors: members))
        }
        guard !panels.isEmpty || problem.applicants.isEmpty else {
            throw TimetableInputError(field: "panels", reason: "there are applicants but no panels")
        }
        self.panels = panels
        assessorCount = assessorNumbers.count
        applicants = problem.applicants

        var applicantNumbers: [String: Int] = [:]
        for (index, applicant) in problem.applicants.enumerated() {
            guard !applicant.id.isEmpty else { throw TimetableInputError(field: "applicants[\(index)].id", reason: "is empty") }
            guard applicantNumbers[applicant.id] == nil else {
                throw TimetableInputError(field: "applicants[\(index)].id", reason: "\"\(applicant.id)\" is given twice")
            }
            applicantNumbers[applicant.id] = index
        }
        var conflicted = Array(repeating: Array(repeating: false, count: panels.count), count: applicants.count)
        for (index, conflict) in problem.conflicts.enumerated() {
            guard let applicant = applicantNumbers[conflict.applicant] else {
                throw TimetableInputError(
                    field: "conflicts[\(index)].applicant", reason: "\"\(conflict.applicant)\" is not one of the applicants")
            }
            // An assessor on no panel hears no one, so their conflicts cannot matter.
            guard let assessor = assessorNumbers[conflict.assessor] else { continue }
            for (panel, members) in panels.enumerated() where members.assessors.contains(assessor) {
                conflicted[applicant][panel] = true
            }
        }
        self.conflicted = conflicted

        var unavailable = Array(repeating: Array(repeating: false, count: slots.count), count: applicants.count)
        for (index, applicant) in problem.applicants.enumerated() {
            for (entry, time) in applicant.unavailable.enumerated() {
                let field = "applicants[\(index)].unavailable[\(entry)]"
                guard ClockTime.isDate(time.date) else {
                    throw TimetableInputError(field: field + ".date", reason: "\"\(time.date)\" is not a date as YYYY-MM-DD")
                }
                var from = 0, to = 24 * 60
                switch (time.start, time.end) {
                case (nil, nil): break
                case let (start?, end?):
                    guard let s = ClockTime.minutes(start) else {
                        throw TimetableInputError(field: field + ".start", reason: "\"\(start)\" is not a time as HH:MM")
                    }
                    guard let e = ClockTime.minutes(end) else {
                        throw TimetableInputError(field: field + ".end", reason: "\"\(end)\" is not a time as HH:MM")
                    }
                    guard e > s else { throw TimetableInputError(field: field + ".end", reason: "should be after start") }
                    from = s; to = e
                default:
                    throw TimetableInputError(field: field, reason: "give both start and end, or neither for the whole day")
                }
                for (number, slot) in slots.enumerated() where slot.date == time.date && slot.start < to && from < slot.end {
                    unavailable[index][number] = true
                }
            }
        }
        self.unavailable = unavailable
    }

    /// Each session holds presentations of `slot_minutes` separated by the changeover; the last
    /// one must end by the session's end. Sessions of a day may not overlap.
    private static func cutSlots(_ problem: TimetableProblem) throws(TimetableInputError) -> [Slot] {
        var slots: [Slot] = []
        var dates = Set<String>()
        for (dayIndex, day) in problem.days.enumerated() {
            guard ClockTime.isDate(day.date) else {
                throw TimetableInputError(field: "days[\(dayIndex)].date", reason: "\"\(day.date)\" is not a date as YYYY-MM-DD")
            }
            guard dates.insert(day.date).inserted else {
                throw TimetableInputError(field: "days[\(dayIndex)].date", reason: "\(day.date) is given twice")
            }
            var sessions: [(start: Int, end: Int, index: Int)] = []
            for (index, session) in day.sessions.enumerated() {
                let field = "days[\(dayIndex)].sessions[\(index)]"
                guard let start = ClockTime.minutes(session.start) else {
                    throw TimetableInputError(field: field + ".start", reason: "\"\(session.start)\" is not a time as HH:MM")
                }
                guard let end = ClockTime.minutes(session.end) else {
                    throw TimetableInputError(field: field + ".end", reason: "\"\(session.end)\" is not a time as HH:MM")
                }
                guard end > start else { throw TimetableInputError(field: field + ".end", reason: "should be after start") }
                sessions.append((start, end, index))
            }
            sessions.sort { $0.start < $1.start }
            for (earlier, later) in zip(sessions, sessions.dropFirst()) where later.start < earlier.end {
                throw TimetableInputError(
                    field: "days[\(dayIndex)].sessions[\(later.index)]", reason: "overlaps sessions[\(earlier.index)]")
            }
            for session in sessions {
                var start = session.start
                while start + problem.slotMinutes <= session.end {
                    slots.append(Slot(date: day.date, start: start, end: start + problem.slotMinutes))
                    start += problem.slotMinutes + problem.changeoverMinutes
                }
            }
        }
        return slots.sorted { ($0.date, $0.start) < ($1.date, $1.start) }
    }

    /// The (panel, slot) pairs each applicant could present in, with either rule switched off
    /// to find out which one makes a problem impossible.
    func options(conflicts: Bool, unavailability: Bool) -> [[Pair]] {
        applicants.indices.map { applicant in
            var pairs: [Pair] = []
            for panel in panels.indices where !(conflicts && conflicted[applicant][panel]) {
                for slot in slots.indices where !(unavailability && unavailable[applicant][slot]) {
                    pairs.append(Pair(panel: panel, slot: slot))
                }
            }
            return pairs
        }
    }

    /// The largest number of panels with no assessor in common (exact up to 20 panels; beyond
    /// that every panel is assumed able to sit, which keeps the bound a valid relaxation).
    var mostPanelsAtOnce: Int {
        guard panels.count <= 20 else { return panels.count }
        let masks = panels.map { $0.assessors.reduce(into: Set<Int>()) { $0.insert($1) } }
        var best = 0
        for subset in 0..<(1 << panels.count) where subset.nonzeroBitCount > best {
            var seen = Set<Int>()
            var disjoint = true
            for panel in panels.indices where subset & (1 << panel) != 0 {
                if !seen.isDisjoint(with: masks[panel]) { disjoint = false; break }
                seen.formUnion(masks[panel])
            }
            if disjoint { best = subset.nonzeroBitCount }
        }
        return best
    }

    /// Applicants whose presentation puts an assessor in two panels at once.
    func clashes(in assignment: [Pair]) -> [Int] {
        var seat: [Int: Int] = [:]
        var clashing: [Int] = []
        for (applicant, pair) in assignment.enumerated() {
            for assessor in panels[pair.panel].assessors {
                let key = pair.slot * assessorCount + assessor
                if seat[key] != nil { clashing.append(applicant) } else { seat[key] = applicant }
            }
        }
        return clashing
    }

    func timetable(from assignment: [Pair]) -> Timetable {
        let presentations = assignment.enumerated().map { applicant, pair in
            (
                pair,
                Timetable.Presentation(
                    applicant: applicants[applicant].id, panel: panels[pair.panel].id, date: slots[pair.slot].date,
                    start: ClockTime.text(minutes: slots[pair.slot].start), end: ClockTime.text(minutes: slots[pair.slot].end)
                )
            )
        }
        return Timetable(slots: presentations.sorted { ($0.0.slot, $0.0.panel) < ($1.0.slot, $1.0.panel) }.map(\.1))
    }
}

/// What the backtracking search has placed so far: panel slots taken, assessors' seats, loads.
struct TimetableSearchState {
    let instance: TimetableInstance
    private var pairTaken: [Bool]
    private var assessorBusy: [Bool]
    private(set) var load: [Int]

    init(instance: TimetableInstance) {
        self.instance = instance
        pairTaken = Array(repeating: false, count: instance.pairCount)
        assessorBusy = Array(repeating: false, count: instance.slots.count * instance.assessorCount)
        load = Array(repeating: 0, count: instance.panels.count)
    }

    func isFree(_ pair: TimetableInstance.Pair) -> Bool {
        !pairTaken[instance.pairIndex(pair)]
            && instance.panels[pair.panel].assessors.allSatisfy { !assessorBusy[pair.slot * instance.assessorCount + $0] }
    }

    mutating func occupy(_ pair: TimetableInstance.Pair) { mark(pair, true); load[pair.panel] += 1 }
    mutating func release(_ pair: TimetableInstance.Pair) { mark(pair, false); load[pair.panel] -= 1 }

    private mutating func mark(_ pair: TimetableInstance.Pair, _ value: Bool) {
        pairTaken[instance.pairIndex(pair)] = value
        for assessor in instance.panels[pair.panel].assessors { assessorBusy[pair.slot * instance.assessorCount + assessor] = value }
    }
}
