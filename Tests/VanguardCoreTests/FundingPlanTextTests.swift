import Foundation
import Testing

@testable import VanguardCore

@Suite struct FundingPlanTextTests {
    static let form = [
        "title": " Wirral plan ", "objectives": "Fewer admissions\r\nat home", "commitments": "emergency_admissions | -3",
        "years": "2017 | 1,000,000 | 2,000,000", "spend_profile": "2017/18 Q1 | 1,500,000\n\n2017/18 Q2 | 1,500,000",
        "partners": "Wirral Council\n  \nNHS Wirral CCG",
    ]

    @Test func aPlanIsReadFromItsFormAndWrittenBackTheSame() throws {
        let content = try FundingPlanText.content(
            from: Self.form, knownMetrics: ["emergency_admissions"],
            knownOrganisations: ["wirral-council", "nhs-wirral-ccg"]
        ).get()
        #expect(content.title == "Wirral plan" && content.objectives == "Fewer admissions\nat home")
        #expect(content.years == [.init(year: 2017, sustainabilityPounds: 1_000_000, transformationPounds: 2_000_000)])
        #expect(content.spendProfile.map(\.pounds) == [1_500_000, 1_500_000])
        #expect(content.partners == ["wirral-council", "nhs-wirral-ccg"])
        let written = FundingPlanText.values(of: content) { $0 }
        #expect(written["years"] == "2017 | 1000000 | 2000000" && written["spend_profile"] == "2017/18 Q1 | 1500000\n2017/18 Q2 | 1500000")
    }

    @Test func everyUnreadableLineIsNamedAtOnce() {
        var form = Self.form
        form["years"] = "2017 | 1,000,000 | 2,000,000\nnext year | lots"
        form["spend_profile"] = "2017 Q5 | 10"
        let result = FundingPlanText.content(
            from: form, knownMetrics: ["emergency_admissions"], knownOrganisations: ["wirral-council", "nhs-wirral-ccg"])
        guard case .failure(let errors) = result else {
            Issue.record("an unreadable plan was read")
            return
        }
        #expect(errors.byField["years"]?.hasPrefix("Line 2: write financial year | sustainability £ | transformation £") == true)
        #expect(errors.byField["spend_profile"] == "Line 1: write quarter | £, e.g. 2017/18 Q1 | 750,000")
        #expect(Set(errors.byField.keys) == ["years", "spend_profile"])
    }
}
