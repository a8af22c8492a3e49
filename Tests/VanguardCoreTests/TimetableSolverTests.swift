import Foundation
import Testing

@testable import VanguardCore

@Suite struct TimetableSolverTests {
    typealias Problem = TimetableProblem

    // MARK: Worked cases

    @Test func slotsAreCutFromSessionsWithChangeoverAndPanelsShareTheWork() throws {
        let problem = Problem(
            slotMinutes: 7, changeoverMinutes: 3,
            days: [.init(date: "2015-02-09", sessions: [.init(start: "09:00", end: "09:30")])],
            panels: [.init(id: "P1", assessors: ["ann"]), .init(id: "P2", assessors: ["bob"])],
            applicants: ["A", "B", "C", "D"].map { Problem.Applicant(id: $0) },
            conflicts: [.init(assessor: "ann", applicant: "A")]
        )
        let timetable = try TimetableSolver.solve(problem)
        #expect(Checker.violations(problem, timetable).isEmpty)
        #expect(timetable.load(of: problem.panels) == ["P1": 2, "P2": 2])
        #expect(Set(timetable.slots.map(\.start)) == ["09:00", "09:10"])
        #expect(timetable.slots.first { $0.applicant == "A" }?.panel == "P2")
        #expect(timetable.slots.allSatisfy { ClockTime.minutes($0.end)! - ClockTime.minutes($0.start)! == 7 })
    }

    @Test func theJSONFormReadsAndWrites() throws {
        let json = """
            {"slot_minutes": 7, "changeover_minutes": 3,
             "days": [{"date": "2015-02-10", "sessions": [{"start": "13:00", "end": "13:20"}]}],
             "panels": [{"id": "north", "assessors": ["a1", "a2"]}],
             "applicants": [{"id": "x", "unavailable": [{"date": "2015-02-10", "start": "13:00", "end": "13:05"}]}, {"id": "y"}],
             "conflicts": []}
            """
        let problem = try Problem.decode(Data(json.utf8))
        let timetable = try TimetableSolver.solve(problem)
        #expect(
            timetable.slots == [
                .init(applicant: "y", panel: "north", date: "2015-02-10", start: "13:00", end: "13:07"),
                .init(applicant: "x", panel: "north", date: "2015-02-10", start: "13:10", end: "13:17"),
            ])
    }

    @Test(arguments: [
        (#"{"changeover_minutes": 3, "days": [], "panels": [], "applicants": []}"#, "slot_minutes", "is missing"),
        (#"{"slot_minutes": "7", "days": [], "panels": [], "applicants": []}"#, "slot_minutes", "should be a whole number"),
        (
            #"{"slot_minutes": 9223372036854775807, "days": [{"date": "2015-02-09", "sessions": [{"start": "09:00", "end": "10:00"}]}], "panels": [{"id": "p", "assessors": ["a"]}], "applicants": [{"id": "x"}]}"#,
            "slot_minutes", "should be from 1 to 1440 minutes"
        ),
        (
            #"{"slot_minutes": 7, "changeover_minutes": 9223372036854775807, "days": [], "panels": [], "applicants": []}"#,
            "changeover_minutes", "should be from 0 to 1440 minutes"
        ),
        (
            #"{"slot_minutes": 7, "days": [{"date": "2015-02-30", "sessions": []}], "panels": [], "applicants": []}"#, "days[0].date",
            "is not a date"
        ),
        (
            #"{"slot_minutes": 7, "days": [{"date": "2015-02-09", "sessions": [{"start": "9:00", "end": "10:00"}]}], "panels": [], "applicants": []}"#,
            "days[0].sessions[0].start", "is not a time"
        ),
        (
            #"{"slot_minutes": 7, "days": [{"date": "2015-02-09", "sessions": [{"start": "09:00", "end": "10:00"}, {"start": "09:30", "end": "11:00"}]}], "panels": [], "applicants": []}"#,
            "days[0].sessions[1]", "overlaps"
        ),
        (
            #"{"slot_minutes": 7, "days": [], "panels": [{"id": "p", "assessors": ["a"]}], "applicants": [{"id": "x"}, {"id": "x"}]}"#,
            "applicants[1].id", "given twice"
        ),
        (
            #"{"slot_minutes": 7, "days": [], "panels": [{"id": "p", "assessors": ["a"]}], "applicants": [{"id": "x"}], "conflicts": [{"assessor": "a", "applicant": "z"}]}"#,
            "conflicts[0].applicant", "not one of the applicants"
        ),
        (#"{"slot_minutes": 0, "days": [], "panels": [], "applicants": []}"#, "slot_minutes", "should be from 1 to 1440 minutes"),
        (
            #"{"slot_minutes": 7, "days": [], "panels": [{"id": "p", "assessors": []}], "applicants": []}"#, "panels[0].assessors",
            "at least one"
        ),
        (
            #"{"slot_minutes": 7, "days": [], "panels": [{"id": "p", "assessors": ["a"]}], "applicants": [{"id": "x", "unavailable": [{"date": "2015-02-09", "start": "10:00"}]}]}"#,
            "applicants[0].unavailable[0]", "both start and end"
        ),
    ])
    func badInputNamesTheField(json: String, field: String, reason: String) {
        do {
            _ = try TimetableSolver.solve(try Problem.decode(Data(json.utf8)))
            Issue.record("accepted \(json)")
        } catch let error as TimetableInputError {
            #expect(error.field == field)
            #expect(error.reason.contains(reason), "\(error.reason)")
        } catch TimetableFailure.input(let error) {
            #expect(error.field == field)
            #expect(error.reason.contains(reason), "\(error.reason)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    // MARK: No timetable: which constraint

    private static func oneDay(_ sessions: [(String, String)]) -> [Problem.Day] {
        [.init(date: "2015-02-09", sessions: sessions.map { .init(start: $0.0, end: $0.1) })]
    }

    private static func constraint(_ problem: Problem) -> TimetableConstraint? {
        do {
            _ = try TimetableSolver.solve(problem)
            return nil
        } catch {
            guard case .unsolvable(let unsolvable) = error else { return nil }
            return unsolvable.constraint
        }
    }

    @Test func eachImpossibilityNamesItsConstraint() {
        let twoPanels: [Problem.Panel] = [.init(id: "P1", assessors: ["ann"]), .init(id: "P2", assessors: ["bob"])]
        let x = Problem.Applicant(id: "X"), y = Problem.Applicant(id: "Y")
        let allDay = Problem.Applicant(id: "X", unavailable: [.init(date: "2015-02-09")])

        #expect(
            Self.constraint(
                Problem(
                    slotMinutes: 30, changeoverMinutes: 0, days: Self.oneDay([("09:00", "09:20")]),
                    panels: twoPanels, applicants: [x], conflicts: [])) == .slots)
        #expect(
            Self.constraint(
                Problem(
                    slotMinutes: 10, changeoverMinutes: 0, days: Self.oneDay([("09:00", "09:10")]),
                    panels: twoPanels, applicants: [x, y, Problem.Applicant(id: "Z")], conflicts: [])) == .capacity)
        #expect(
            Self.constraint(
                Problem(
                    slotMinutes: 10, changeoverMinutes: 0, days: Self.oneDay([("09:00", "09:10")]),
                    panels: twoPanels, applicants: [x, y],
                    conflicts: [.init(assessor: "bob", applicant: "X"), .init(assessor: "bob", applicant: "Y")])) == .conflicts)
        #expect(
            Self.constraint(
                Problem(
                    slotMinutes: 10, changeoverMinutes: 0, days: Self.oneDay([("09:00", "10:00")]),
                    panels: twoPanels, applicants: [allDay], conflicts: [])) == .unavailability)
        #expect(
            Self.constraint(
                Problem(
                    slotMinutes: 10, changeoverMinutes: 0, days: Self.oneDay([("09:00", "10:00")]),
                    panels: [.init(id: "P1", assessors: ["ann"])], applicants: [allDay],
                    conflicts: [.init(assessor: "ann", applicant: "X")])) == .conflictsAndUnavailability)
        #expect(
            Self.constraint(
                Problem(
                    slotMinutes: 10, changeoverMinutes: 0, days: Self.oneDay([("09:00", "09:10")]),
                    panels: [.init(id: "P1", assessors: ["ann", "cat"]), .init(id: "P2", assessors: ["bob", "cat"])],
                    applicants: [x, y], conflicts: [])) == .assessorOverlap)
    }

    @Test func theMessageNamesTheApplicantsThatCannotBePlaced() {
        let problem = Problem(
            slotMinutes: 10, changeoverMinutes: 0, days: Self.oneDay([("09:00", "09:20")]),
            panels: [.init(id: "P1", assessors: ["ann"]), .init(id: "P2", assessors: ["bob"])],
            applicants: [
                .init(id: "Free"), .init(id: "X", unavailable: [.init(date: "2015-02-09", start: "09:10", end: "09:20")]),
                .init(id: "Y", unavailable: [.init(date: "2015-02-09", start: "09:10", end: "09:20")]),
                .init(id: "Z", unavailable: [.init(date: "2015-02-09", start: "09:10", end: "09:20")]),
            ],
            conflicts: []
        )
        do {
            _ = try TimetableSolver.solve(problem)
            Issue.record("three applicants cannot share two 09:00 slots")
        } catch {
            guard case .unsolvable(let unsolvable) = error else { Issue.record("\(error)"); return }
            #expect(unsolvable.constraint == .unavailability)
            #expect(Set(unsolvable.applicants) == ["X", "Y", "Z"])
            #expect(unsolvable.message.contains("only 2 panel slots"), "\(unsolvable.message)")
        }
    }

    // MARK: Random instances

    /// Small random instances, shared assessors included: the solver finds a timetable exactly
    /// when exhaustive search does, and every timetable it gives keeps every rule.
    @Test func smallRandomInstancesAgreeWithExhaustiveSearch() throws {
        var random = SeededRandom(seed: 2015)
        var solved = 0, impossible = 0
        for _ in 0..<400 {
            let problem = Self.randomProblem(
                &random, applicants: 1 + Int(random.next() % 5), panels: 1 + Int(random.next() % 3), assessors: 4)
            let exists = Checker.bruteForceExists(problem)
            do {
                let timetable = try TimetableSolver.solve(problem)
                #expect(exists, "solver found a timetable brute force says cannot exist")
                #expect(Checker.violations(problem, timetable).isEmpty, "\(Checker.violations(problem, timetable))")
                solved += 1
            } catch {
                #expect(!exists, "solver said \(error) but a timetable exists")
                impossible += 1
            }
        }
        #expect(solved > 50 && impossible > 50, "the random instances should exercise both outcomes: \(solved)/\(impossible)")
    }

    /// Up to 60 applicants on up to five panels drawn from 30 assessors (so some sit on two).
    @Test func largerRandomInstancesKeepEveryRule() throws {
        var random = SeededRandom(seed: 63)
        var solved = 0
        for _ in 0..<30 {
            let problem = Self.randomProblem(
                &random, applicants: 20 + Int(random.next() % 40), panels: 3 + Int(random.next() % 3), assessors: 30, slotsPerSession: 12)
            if let timetable = try? TimetableSolver.solve(problem) {
                #expect(Checker.violations(problem, timetable).isEmpty, "\(Checker.violations(problem, timetable))")
                solved += 1
            }
        }
        #expect(solved >= 20, "most of these instances have room: solved \(solved) of 30")
    }

    /// With no conflicts and room to spare, panels hear the same number of presentations, give or take one.
    @Test func workloadIsBalancedWhenNothingPreventsIt() throws {
        for (applicants, panels) in [(7, 3), (63, 3), (50, 4), (10, 6)] {
            let problem = Problem(
                slotMinutes: 7, changeoverMinutes: 3,
                days: Self.oneDay([("09:00", "12:30"), ("13:30", "17:00")]),
                panels: (0..<panels).map { .init(id: "P\($0)", assessors: ["a\($0)"]) },
                applicants: (0..<applicants).map { .init(id: "A\($0)") }, conflicts: []
            )
            let loads = try TimetableSolver.solve(problem).load(of: problem.panels).values
            #expect(loads.max()! - loads.min()! <= 1, "\(applicants) over \(panels): \(loads.sorted())")
        }
    }

    /// An instance like February 2015's: 63 shortlisted partnerships, seven minutes each over
    /// three days, three panels of NHS England and partner assessors, two of whom sit on two
    /// panels, conflicts declared by area and organisation, and some unavailable times.
    @Test func aSelectionLike2015sIsTimetabled() throws {
        var random = SeededRandom(seed: 269)
        let days = ["2015-02-09", "2015-02-10", "2015-02-11"].map {
            Problem.Day(date: $0, sessions: [.init(start: "09:30", end: "12:30"), .init(start: "13:30", end: "16:30")])
        }
        let panels: [Problem.Panel] = [
            .init(id: "panel-1", assessors: ["chair-1", "clinical-1", "finance-1", "patients-1", "director-a"]),
            .init(id: "panel-2", assessors: ["chair-2", "clinical-2", "finance-2", "patients-2", "director-a"]),
            .init(id: "panel-3", assessors: ["chair-3", "clinical-3", "finance-3", "patients-3", "director-b"]),
            .init(id: "panel-4", assessors: ["chair-4", "clinical-4", "finance-4", "patients-4", "director-b"]),
        ]
        let assessors = Array(Set(panels.flatMap(\.assessors))).sorted()
        let applicants = (1...63).map { number in
            let day = days[Int(random.next() % 3)].date
            let unavailable: [Problem.Unavailability] =
                random.uniform() < 0.3
                ? [.init(date: day, start: random.uniform() < 0.5 ? "09:30" : "13:30", end: random.uniform() < 0.5 ? "12:30" : "16:30")]
                : []
            return Problem.Applicant(
                id: "applicant-\(number)", unavailable: unavailable.filter { ClockTime.minutes($0.end!)! > ClockTime.minutes($0.start!)! })
        }
        let conflicts = (0..<30).map { _ in
            Problem.Conflict(
                assessor: assessors[Int(random.next() % UInt64(assessors.count))], applicant: applicants[Int(random.next() % 63)].id)
        }
        let problem = Problem(
            slotMinutes: 7, changeoverMinutes: 3, days: days, panels: panels, applicants: applicants, conflicts: conflicts)
        let timetable = try TimetableSolver.solve(problem)
        #expect(timetable.slots.count == 63)
        #expect(Checker.violations(problem, timetable).isEmpty, "\(Checker.violations(problem, timetable))")
        let loads = timetable.load(of: panels).values
        #expect(loads.max()! - loads.min()! <= 1, "\(loads.sorted())")
    }

    static func randomProblem(_ random: inout SeededRandom, applicants: Int, panels: Int, assessors: Int, slotsPerSession: Int = 2)
        -> Problem
    {
        let dates = ["2015-02-09", "2015-02-10"]
        let days = dates.prefix(1 + Int(random.next() % 2)).map { date in
            Problem.Day(
                date: date,
                sessions: [.init(start: "09:00", end: ClockTime.text(minutes: 9 * 60 + slotsPerSession * 10 - Int(random.next() % 3)))])
        }
        let panelList = (0..<panels).map { panel in
            let size = 1 + Int(random.next() % 2)
            return Problem.Panel(id: "P\(panel)", assessors: (0..<size).map { _ in "a\(random.next() % UInt64(assessors))" })
        }
        let applicantList = (0..<applicants).map { number in
            let unavailable: [Problem.Unavailability] = (0..<Int(random.next() % 3)).map { _ in
                let start = 9 * 60 + Int(random.next() % UInt64(slotsPerSession * 10))
                return .init(
                    date: dates[Int(random.next() % 2)], start: ClockTime.text(minutes: start),
                    end: ClockTime.text(minutes: start + 1 + Int(random.next() % 15)))
            }
            return Problem.Applicant(id: "A\(number)", unavailable: unavailable)
        }
        let conflicts = (0..<Int(random.next() % UInt64(applicants + 1))).map { _ in
            Problem.Conflict(assessor: "a\(random.next() % UInt64(assessors))", applicant: "A\(random.next() % UInt64(applicants))")
        }
        return Problem(slotMinutes: 7, changeoverMinutes: 3, days: days, panels: panelList, applicants: applicantList, conflicts: conflicts)
    }
}

/// The rules checked from the problem as written, independently of the solver's indexing.
enum Checker {
    static func violations(_ problem: TimetableProblem, _ timetable: Timetable) -> [String] {
        var found: [String] = []
        let placed = timetable.slots.map(\.applicant)
        if placed.sorted() != problem.applicants.map(\.id).sorted() { found.append("applicants placed \(placed.sorted())") }
        var seats = Set<String>()
        for slot in timetable.slots {
            guard let start = ClockTime.minutes(slot.start), let end = ClockTime.minutes(slot.end) else {
                found.append("bad time \(slot)"); continue
            }
            if end - start != problem.slotMinutes { found.append("\(slot.applicant) length \(end - start)") }
            let sessions = problem.days.filter { $0.date == slot.date }.flatMap(\.sessions)
            let fits = sessions.contains { session in
                let from = ClockTime.minutes(session.start)!, to = ClockTime.minutes(session.end)!
                return start >= from && end <= to && (start - from) % (problem.slotMinutes + problem.changeoverMinutes) == 0
            }
            if !fits { found.append("\(slot.applicant) not on a session's slot") }
            guard let panel = problem.panels.first(where: { $0.id == slot.panel }) else {
                found.append("unknown panel \(slot.panel)"); continue
            }
            for conflict in problem.conflicts where conflict.applicant == slot.applicant && panel.assessors.contains(conflict.assessor) {
                found.append("\(slot.applicant) heard by conflicted \(conflict.assessor)")
            }
            let applicant = problem.applicants.first { $0.id == slot.applicant }!
            for time in applicant.unavailable where time.date == slot.date {
                let from = time.start.flatMap(ClockTime.minutes) ?? 0, to = time.end.flatMap(ClockTime.minutes) ?? 1440
                if start < to && from < end { found.append("\(slot.applicant) unavailable at \(slot.start)") }
            }
            if !seats.insert("panel \(panel.id) \(slot.date) \(slot.start)").inserted {
                found.append("panel \(panel.id) twice at \(slot.start)")
            }
            for assessor in Set(panel.assessors) where !seats.insert("assessor \(assessor) \(slot.date) \(slot.start)").inserted {
                found.append("\(assessor) in two places at \(slot.date) \(slot.start)")
            }
        }
        return found
    }

    /// Tries every assignment of applicants to (panel, date, start) in turn.
    static func bruteForceExists(_ problem: TimetableProblem) -> Bool {
        var candidates: [(panel: String, date: String, start: String, end: String)] = []
        for day in problem.days {
            for session in day.sessions {
                var start = ClockTime.minutes(session.start)!
                while start + problem.slotMinutes <= ClockTime.minutes(session.end)! {
                    for panel in problem.panels {
                        candidates.append(
                            (panel.id, day.date, ClockTime.text(minutes: start), ClockTime.text(minutes: start + problem.slotMinutes)))
                    }
                    start += problem.slotMinutes + problem.changeoverMinutes
                }
            }
        }
        var chosen: [Timetable.Presentation] = []
        func extend(_ index: Int) -> Bool {
            if index == problem.applicants.count { return true }
            for candidate in candidates {
                chosen.append(
                    .init(
                        applicant: problem.applicants[index].id, panel: candidate.panel, date: candidate.date, start: candidate.start,
                        end: candidate.end))
                let partial = TimetableProblem(
                    slotMinutes: problem.slotMinutes, changeoverMinutes: problem.changeoverMinutes, days: problem.days,
                    panels: problem.panels, applicants: Array(problem.applicants.prefix(index + 1)),
                    conflicts: problem.conflicts.filter { c in problem.applicants.prefix(index + 1).contains { $0.id == c.applicant } })
                if violations(partial, Timetable(slots: chosen)).isEmpty && extend(index + 1) { return true }
                chosen.removeLast()
            }
            return false
        }
        return extend(0)
    }
}
