import Foundation
import Testing

@testable import VanguardCore

@Suite struct AssessmentTests {
    /// Tiny random instances: the assignment gives every application N unconflicted assessors,
    /// and its sum of squared workloads equals the least that exhaustive search finds.
    @Test func assignmentsAreValidAndAsEvenAsExhaustiveSearchCanMake() throws {
        var random = SeededRandom(seed: 44)
        for _ in 0..<300 {
            let applications = (0..<(1 + Int(random.next() % 4))).map { "A\($0)" }
            let assessors = (0..<(2 + Int(random.next() % 3))).map { "P\($0)" }
            let per = 1 + Int(random.next() % 2)
            var conflicts = Set<String>()
            for application in applications {
                for assessor in assessors where random.uniform() < 0.2 { conflicts.insert(application + assessor) }
            }
            let conflicted: (String, String) -> Bool = { conflicts.contains($0 + $1) }
            let best = Self.leastSquaredLoad(applications, assessors, per, conflicted)
            do {
                let assignment = try AssessorAssignment.balance(
                    applications: applications, assessors: assessors, perApplication: per, conflicted: conflicted)
                #expect(best != nil)
                var load: [String: Int] = [:]
                for application in applications {
                    let chosen = try #require(assignment[application])
                    #expect(chosen.count == per && Set(chosen).count == per)
                    #expect(chosen.allSatisfy { !conflicted(application, $0) })
                    for assessor in chosen { load[assessor, default: 0] += 1 }
                }
                #expect(load.values.map { $0 * $0 }.reduce(0, +) == best)
            } catch let error as AssessorAssignment.Shortfall {
                #expect(best == nil, "refused \(error) though an assignment exists")
                #expect(error.applications.keys.allSatisfy { application in assessors.count { !conflicted(application, $0) } < per })
            }
        }
    }

    static func leastSquaredLoad(_ applications: [String], _ assessors: [String], _ per: Int, _ conflicted: (String, String) -> Bool)
        -> Int?
    {
        func subsets(_ items: [String], _ size: Int) -> [[String]] {
            if size == 0 { return [[]] }
            guard let first = items.first else { return [] }
            return subsets(Array(items.dropFirst()), size - 1).map { [first] + $0 } + subsets(Array(items.dropFirst()), size)
        }
        var best: Int?
        func choose(_ index: Int, _ load: [String: Int]) {
            if index == applications.count {
                let cost = load.values.map { $0 * $0 }.reduce(0, +)
                best = min(best ?? cost, cost)
                return
            }
            for subset in subsets(assessors.filter { !conflicted(applications[index], $0) }, per) {
                var next = load
                for assessor in subset { next[assessor, default: 0] += 1 }
                choose(index + 1, next)
            }
        }
        choose(0, [:])
        return best
    }

    @Test func withoutConflictsEveryAssessorGetsTheSameShareGiveOrTakeOne() throws {
        let applications = (1...63).map { "application-\($0)" }
        let assessors = (1...10).map { "assessor-\($0)" }
        let assignment = try AssessorAssignment.balance(applications: applications, assessors: assessors, perApplication: 3) { _, _ in false
        }
        var load: [String: Int] = [:]
        for chosen in assignment.values { for assessor in chosen { load[assessor, default: 0] += 1 } }
        #expect(load.values.reduce(0, +) == 189)
        #expect(load.values.max()! - load.values.min()! <= 1)
    }

    @Test func tooFewUnconflictedAssessorsIsNamed() {
        #expect {
            try AssessorAssignment.balance(applications: ["Wirral", "Fylde"], assessors: ["ann", "bob"], perApplication: 2) {
                application, assessor in
                application == "Wirral" && assessor == "bob"
            }
        } throws: { error in
            (error as? AssessorAssignment.Shortfall)?.applications == ["Wirral": 1]
                && "\(error)".contains("Wirral (1 free of conflicts)")
        }
    }

    @Test func conflictsTouchApplicationsByOrganisationOrArea() {
        let content = ApplicationContent(
            areaCodes: ["E38000208"],
            partners: [ProposedPartner(name: "Wirral  University Teaching Hospital", sector: .acuteTrust, odsCode: "RBL")])
        #expect(ConflictOfInterest.organisation(name: "wirral university teaching hospital").touches(content))
        #expect(ConflictOfInterest.area(code: "e38000208").touches(content))
        #expect(!ConflictOfInterest.area(code: "E38000143").touches(content))
        #expect(!ConflictOfInterest.organisation(name: "Wirral CCG").touches(content))
    }

    @Test func weightedTotalsSpreadAndModeration() {
        let criteria = [
            AssessmentCriterion(name: "Engagement", description: "", weight: 2, scaleMaximum: 5),
            AssessmentCriterion(name: "Value", description: "", weight: 1, scaleMaximum: 10),
        ]
        let sheets = [
            AssessorScores(assessor: "ann", scores: ["Engagement": 5, "Value": 4]),
            AssessorScores(assessor: "bob", scores: ["Engagement": 1, "Value": 6]),
        ]
        let spread = WeightedScore.spread(criteria: criteria, of: sheets)
        #expect(spread.map(\.range) == [4, 2])
        #expect(spread.map(\.needsDiscussion) == [true, false])  // 4 > 5/4; 2 is not > 10/4
        #expect(spread.map(\.mean) == [3, 5])
        // (2×3 + 1×5) / (2×5 + 1×10) = 11/20
        #expect(
            WeightedScore.percentage(criteria: criteria, scores: WeightedScore.moderated(criteria: criteria, sheets: sheets, agreed: [:]))
                == 55)
        // Moderation agrees 4 for engagement: (2×4 + 5) / 20 = 65%
        #expect(
            WeightedScore.percentage(
                criteria: criteria, scores: WeightedScore.moderated(criteria: criteria, sheets: sheets, agreed: ["Engagement": 4])) == 65)
        #expect(WeightedScore.percentage(criteria: criteria, scores: ["Engagement": 3]) == nil)
        let problems = AssessorScores(assessor: "cat", scores: ["Engagement": 6]).problems(against: criteria)
        #expect(problems.map(\.reason) == ["Engagement is scored from 0 to 5, not 6", "Score Value"])
    }
}
