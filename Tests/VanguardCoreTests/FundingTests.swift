import Foundation
import Testing

@testable import VanguardCore

@Suite struct FundingTests {
    @Test func financialQuartersRunAprilToMarch() throws {
        let q1 = try #require(FinancialQuarter("2017/18 Q1"))
        #expect(q1 == FinancialQuarter("2017-Q1") && q1.description == "2017/18 Q1")
        #expect(q1.start == CalendarDate(year: 2017, month: 4, day: 1))
        #expect(FinancialQuarter(year: 2017, quarter: 4)!.start == CalendarDate(year: 2018, month: 1, day: 1))
        #expect(FinancialQuarter.containing(CalendarDate(year: 2018, month: 3, day: 31)) == FinancialQuarter(year: 2017, quarter: 4))
        #expect(FinancialQuarter.containing(CalendarDate(year: 2017, month: 7, day: 1)) == FinancialQuarter(year: 2017, quarter: 2))
        #expect(FinancialQuarter(year: 2017, quarter: 4)!.next == FinancialQuarter(year: 2018, quarter: 1))
        #expect(FinancialQuarter("2017/19 Q1") == nil && FinancialQuarter("2017 Q5") == nil && FinancialQuarter("Q1") == nil)
        #expect(SpendReturn.dueDate(for: q1) == CalendarDate(year: 2017, month: 8, day: 1))
    }

    @Test func aPlaceHasOneKeyHoweverItsAreasAreListed() {
        #expect(FundingPlace.areas(["e38000208", "E38000143"]).key == FundingPlace.areas(["E38000143", "E38000208", "E38000208"]).key)
        #expect(FundingPlace.vanguard(1).key == "vanguard:1")
    }

    static func content(partners: [String] = ["a", "b", "c"], objectives: String = "Fewer emergency admissions") -> FundingPlanContent {
        FundingPlanContent(
            title: "Wirral plan", objectives: objectives,
            commitments: [MetricCommitment(metricCode: "emergency_admissions", changePercent: -3)],
            years: [.init(year: 2017, sustainabilityPounds: 1_000_000, transformationPounds: 2_000_000)],
            spendProfile: [
                .init(quarter: FinancialQuarter(year: 2017, quarter: 1)!, pounds: 1_500_000),
                .init(quarter: FinancialQuarter(year: 2017, quarter: 2)!, pounds: 1_500_000),
            ],
            partners: partners)
    }

    /// Signatures count only for the version they signed: an edit leaves every partner waiting.
    @Test func onlySignaturesOfTheCurrentVersionMakeAPlanEligible() {
        let now = Date()
        let v1 = FundingPlanVersion(number: 1, content: Self.content(), createdAt: now, createdBy: "lead")
        let signatures = ["a", "b"].map { PlanSignature(version: 1, organisationSlug: $0, signatoryName: $0, signedAt: now) }
        let twoOfThree = FundingPlan(id: UUID(), roundID: UUID(), place: .vanguard(1), versions: [v1], signatures: signatures)
        #expect(twoOfThree.signOff.signed == ["a", "b"] && twoOfThree.signOff.waiting == ["c"] && !twoOfThree.isEligible)
        let allSigned = signatures + [PlanSignature(version: 1, organisationSlug: "c", signatoryName: "c", signedAt: now)]
        let all = FundingPlan(
            id: UUID(), roundID: UUID(), place: .vanguard(1), versions: [v1], signatures: allSigned, confirmedPartners: ["a", "b", "c"])
        #expect(all.isEligible && all.ineligibility { $0 } == nil)
        // Every signature is there, but "c" is not known to belong to the place.
        let unconfirmed = FundingPlan(
            id: UUID(), roundID: UUID(), place: .vanguard(1), versions: [v1], signatures: allSigned, confirmedPartners: ["a", "b"])
        #expect(!unconfirmed.isEligible && unconfirmed.unconfirmedPartners == ["c"])
        #expect(unconfirmed.ineligibility { $0.uppercased() } == "the programme team has not confirmed C as a partner of the place")
        #expect(
            twoOfThree.ineligibility { $0.uppercased() }
                == "the programme team has not confirmed A, B, C as partners of the place; C has not signed version 1")
        #expect(FundingPlan.missingPartners(Self.content(), required: ["b", "d"]) == ["d"])
        let v2 = FundingPlanVersion(
            number: 2, content: Self.content(objectives: "Fewer admissions and shorter stays"), createdAt: now, createdBy: "lead")
        let edited = FundingPlan(id: UUID(), roundID: UUID(), place: .vanguard(1), versions: [v2, v1], signatures: all.signatures)
        #expect(edited.current.number == 2 && edited.signOff.signed.isEmpty && !edited.isEligible)
        #expect(v2.content.changes(from: v1.content) == ["objectives"])
    }

    @Test func aPlanNamesWhatIsWrongWithIt() {
        var content = Self.content(partners: ["a"])
        content.spendProfile[0].pounds = 1
        let problems = content.problems(knownMetrics: ["emergency_admissions"], knownOrganisations: ["a", "b"])
        #expect(problems.map(\.field) == ["partners", "spend_profile"])
        #expect(problems[1].reason == "The spend profile adds up to £1,500,001 but the plan asks for £3,000,000")
    }

    static let metric = Metric(
        code: "emergency_admissions", name: "Emergency admissions", definition: "", numerator: "admissions", denominator: "population",
        unit: "per 1,000 population", multiplier: 1000, direction: .decrease, careModels: [.pacs], source: "", target: nil)

    /// Two years of monthly returns, April 2014 to March 2016: `first` admissions a month in the
    /// baseline year, `second` in the next, per 10,000 people.
    static func evaluation(first: Double, second: Double) -> MetricEvaluation {
        let values = (0..<24).map { offset in
            ReturnValue(
                areaCode: "X", metricCode: metric.code, period: Month(year: 2014, month: 4).adding(months: offset),
                numerator: offset < 12 ? first : second, denominator: 10_000)
        }
        return MetricEvaluation(metric: metric, values: values)
    }

    /// July 2017's rule: PACS emergency admissions growth at least 3 points below the rest of England.
    @Test func growthAgainstTheRestOfEnglandIsCheckedWithItsFigures() {
        let condition = TrancheCondition.growthBelowRestOfEngland(metric: "emergency_admissions", points: 3)
        let met = condition.check(place: Self.evaluation(first: 100, second: 98), restOfEngland: Self.evaluation(first: 100, second: 102))
        #expect(met.isMet)
        #expect(
            met.evidence == "Met. Change against 2014/15: -2% here, +2% in the rest of England: 4 points below, against the 3 required.")
        let held = condition.check(place: Self.evaluation(first: 100, second: 101), restOfEngland: Self.evaluation(first: 100, second: 102))
        #expect(!held.isMet && held.evidence.hasPrefix("Not met."))
        #expect(!condition.check(place: nil, restOfEngland: Self.evaluation(first: 100, second: 102)).isMet)
        #expect(condition.problem(knownMetrics: ["ae_four_hour"])?.reason == "emergency_admissions is not a metric in the framework")
        #expect(
            TrancheCondition.growthBelowRestOfEngland(metric: "emergency_admissions", points: -1).problem(knownMetrics: [
                "emergency_admissions"
            ]) != nil)
    }

    @Test func theLatestSPCPointDecidesTheSecondKindOfCondition() {
        let condition = TrancheCondition.latestPointNotConcern(metric: "emergency_admissions")
        #expect(condition.check(place: Self.evaluation(first: 100, second: 100), restOfEngland: nil).isMet)
        // Admissions (lower is better) jump in the last month far beyond the limits: concern.
        var values = (0..<24).map {
            ReturnValue(
                areaCode: "X", metricCode: "emergency_admissions", period: Month(year: 2014, month: 4).adding(months: $0),
                numerator: 100 + Double($0 % 2), denominator: 10_000)
        }
        values[23] = ReturnValue(
            areaCode: "X", metricCode: "emergency_admissions", period: values[23].period, numerator: 200, denominator: 10_000)
        let check = condition.check(place: MetricEvaluation(metric: Self.metric, values: values), restOfEngland: nil)
        #expect(!check.isMet && check.evidence.contains("special cause concern"))
    }

    @Test func theLedgerIsOnlyAddedToAndReversalsCount() {
        let plan = UUID(), now = Date()
        let allocation = LedgerEntry(
            id: UUID(), planID: plan, trancheID: nil, kind: .allocation, pounds: 3_000_000, reason: "", reverses: nil, at: now, by: "pt")
        let release = LedgerEntry(
            id: UUID(), planID: plan, trancheID: UUID(), kind: .release, pounds: 1_500_000, reason: "", reverses: nil, at: now, by: "pt")
        let reversal = LedgerEntry(
            id: UUID(), planID: plan, trancheID: release.trancheID, kind: .reversal, pounds: -1_500_000, reason: "released in error",
            reverses: release.id, at: now, by: "pt")
        #expect(FundingPosition([allocation, release]) == FundingPosition([allocation, release]))
        #expect(FundingPosition([allocation, release]).released == 1_500_000)
        let after = FundingPosition([allocation, release, reversal])
        #expect(after.allocated == 3_000_000 && after.released == 0)
        #expect(Pounds.text(1_234_567) == "£1,234,567" && Pounds.text(0) == "£0" && Pounds.text(-5) == "−£5")
        let spend = SpendReturn(
            quarter: FinancialQuarter(year: 2017, quarter: 1)!, sustainabilityPounds: 600_000, transformationPounds: 1_080_000,
            narrative: "", submittedAt: now)
        #expect(spend.variancePercent(profile: 1_500_000) == 12)
    }
}
