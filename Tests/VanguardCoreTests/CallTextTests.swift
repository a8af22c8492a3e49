import Foundation
import Testing

@testable import VanguardCore

@Suite struct CallTextTests {
    @Test func questionsAndCriteriaReadBackAsWritten() throws {
        let questions = try CallText.questions("  What will change? [250 words]\n\n(optional) Who else is involved?\n")
        #expect(
            questions == [
                CallQuestion(key: "q1", prompt: "What will change?", isRequired: true, wordLimit: 250),
                CallQuestion(key: "q2", prompt: "Who else is involved?", isRequired: false),
            ])
        #expect(try CallText.questions(CallText.text(of: questions)) == questions)
        // As a browser sends a textarea: lines end in CR LF.
        #expect(try CallText.questions("First?\r\n(optional) Second?\r\n").map(\.prompt) == ["First?", "Second?"])
        let criteria = try CallText.criteria("Clinical engagement | 2 | 5 | Clinicians lead | and own it\nValue | 0.5 | 10")
        #expect(
            criteria == [
                AssessmentCriterion(name: "Clinical engagement", description: "Clinicians lead | and own it", weight: 2, scaleMaximum: 5),
                AssessmentCriterion(name: "Value", description: "", weight: 0.5, scaleMaximum: 10),
            ])
        #expect(try CallText.criteria(CallText.text(of: criteria)) == criteria)
    }

    @Test(arguments: [
        ("A | 0 | 5", "Line 1: the weight \"0\" should be a number above 0"), ("A | 1 | 0", "Line 1: the highest score \"0\""),
        ("\nA | 1", "Line 2: write name | weight | highest score | description"), (" | 1 | 5", "Line 1: the criterion has no name"),
    ])
    func badCriteriaNameTheLine(text: String, reason: String) {
        #expect { try CallText.criteria(text) } throws: { ($0 as? ValidationError)?.reason.hasPrefix(reason) == true }
    }

    @Test func aCallIsOpenFromItsOpeningUpToItsClosing() {
        let opens = Date(timeIntervalSince1970: 1_000_000), closes = opens.addingTimeInterval(3600)
        let call = Call(
            id: UUID(), title: "t", description: "", opensAt: opens, closesAt: closes, careModels: [.mcp], questions: [], criteria: [])
        #expect(call.phase(at: opens.addingTimeInterval(-1)) == .upcoming)
        #expect(call.phase(at: opens) == .open)
        #expect(call.phase(at: closes.addingTimeInterval(-1)) == .open)
        #expect(call.phase(at: closes) == .closed)
        #expect(call.problems.map(\.field) == ["questions", "criteria"])
    }

    @Test func ukTimesReadAndWriteAcrossTheClockChange() throws {
        let summer = try #require(CalendarText.parseDateTime("2026-07-01 09:30"))
        #expect(summer.timeIntervalSince1970 == 1_782_894_600)  // 08:30 UTC: British Summer Time
        let winter = try #require(CalendarText.parseDateTime("2026-12-01T09:30"))
        #expect(winter.timeIntervalSince1970 == 1_796_117_400)  // 09:30 UTC
        #expect(CalendarText.editable(winter) == "2026-12-01 09:30")
        #expect(CalendarText.parseDateTime("2026-02-30 09:30") == nil)
        #expect(CalendarText.parseDateTime("1 Dec 2026") == nil)
    }

    @Test func partnersMoneyAndCommitmentsAreReadStrictly() throws {
        let partners = try ApplicationText.partners("Wirral CCG | commissioner | 12f\nAge UK Wirral | Voluntary sector")
        #expect(
            partners == [
                ProposedPartner(name: "Wirral CCG", sector: .commissioner, odsCode: "12F"),
                ProposedPartner(name: "Age UK Wirral", sector: .voluntarySector, odsCode: nil),
            ])
        #expect(try ApplicationText.pounds("£1,250,000", field: "f") == 1_250_000)
        #expect(try ApplicationText.pounds(" ", field: "f") == nil)
        #expect(
            try ApplicationText.commitments("emergency_admissions | -3.5%") == [
                MetricCommitment(metricCode: "emergency_admissions", changePercent: -3.5)
            ])
        #expect(throws: ValidationError.self) { try ApplicationText.partners("A | acute_trust\na | community") }
        #expect(throws: ValidationError.self) { try ApplicationText.pounds("12.50", field: "f") }
    }
}
