import Testing

@testable import VanguardCore

/// Partners named in an application become directory organisations by ODS code first, then by
/// the name as people write it, and otherwise are new.
@Suite struct PartnerMatchTests {
    static let directory = [
        Organisation(slug: "nhs-wirral-ccg", name: "NHS Wirral CCG", sector: .commissioner, odsCode: "12F"),
        Organisation(
            slug: "wirral-university-teaching-hospital-nhs-foundation-trust",
            name: "Wirral University Teaching Hospital NHS Foundation Trust", sector: .acuteTrust, odsCode: nil),
        Organisation(slug: "st-helens-council", name: "St Helens Council", sector: .localAuthority, odsCode: "E08000013"),
    ]

    @Test func theODSCodeDecidesBeforeTheName() {
        let matches = PartnerMatch.match(
            [
                ProposedPartner(name: "Wirral Clinical Commissioning Group", sector: .commissioner, odsCode: "12f"),
                ProposedPartner(name: "Wirral CCG", sector: .commissioner, odsCode: nil),
                ProposedPartner(name: "The Wirral University Teaching Hospital NHS FT", sector: .acuteTrust, odsCode: "RBL"),
                ProposedPartner(name: "St. Helens Council", sector: .localAuthority, odsCode: "E06000999"),
                ProposedPartner(name: "Wirral GP Federation", sector: .primaryCare, odsCode: nil),
            ], directory: Self.directory)
        #expect(matches.map(\.basis) == [.odsCode, .name, .name, .new, .new])
        #expect(
            matches.map { $0.organisation?.slug } == [
                "nhs-wirral-ccg", "nhs-wirral-ccg", "wirral-university-teaching-hospital-nhs-foundation-trust", nil, nil,
            ])
        #expect(matches[0].explanation == "Already in the directory as NHS Wirral CCG (same ODS code 12F)")
        #expect(matches[4].explanation == "New to the directory")
    }

    @Test func namesAreComparedWithoutWhatPeopleLeaveOut() {
        #expect(PartnerMatch.comparableName("NHS Wirral CCG") == "wirral ccg")
        #expect(PartnerMatch.comparableName("The Royal Free London NHS Foundation Trust") == "royal free london ft")
        #expect(PartnerMatch.comparableName("Royal Free London FT") == "royal free london ft")
        #expect(PartnerMatch.comparableName("Health & Care Partnership") == "health and care partnership")
    }
}
