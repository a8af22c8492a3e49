import Testing

@testable import VanguardCore

@Suite struct PresentationPlanFormTests {
    static let assessors = ["ann@nhs.test": "A", "bob@nhs.test": "B"]

    @Test func panelsAreReadAsAssessorsAccounts() throws {
        let form = [
            "slot_minutes": "7", "changeover_minutes": "3", "days": "2015-02-10 09:30-12:30",
            "panels": "Panel 1: Ann@nhs.test, bob@nhs.test",
        ]
        let plan = try PresentationPlan.read(from: form, assessorsByEmail: Self.assessors).get()
        #expect(plan.slotMinutes == 7 && plan.changeoverMinutes == 3 && plan.days.count == 1)
        #expect(plan.panels == [.init(name: "Panel 1", assessors: ["A", "B"])])
    }

    @Test func everyProblemIsNamedByFieldAndLine() {
        let form = [
            "slot_minutes": "0", "changeover_minutes": "3", "days": "2015-02-10 09:30-12:30",
            "panels": "Panel 1: ann@nhs.test\nno colon here\nPanel 3: eve@nhs.test",
        ]
        guard case .failure(let errors) = PresentationPlan.read(from: form, assessorsByEmail: Self.assessors) else {
            Issue.record("a plan with problems was read")
            return
        }
        #expect(errors.byField["slot_minutes"] == "Give the presentation length in minutes, from 1 to 240")
        // A field keeps its first problem, so the person fixes lines in order.
        #expect(errors.byField["panels"] == "Line 2: write the panel's name, a colon, then its assessors' e-mail addresses")
        #expect(Set(errors.byField.keys) == ["slot_minutes", "panels"])
    }
}
