import Foundation
import VanguardCore

@testable import VanguardWeb

/// A small registry written out by hand, so snapshots show a page's markup and not the seed data
/// of the day: two regions, three areas, two vanguards, three organisations.
enum SnapshotFixtures {
    static let context = PageContext(hasNHSUKAssets: true)

    static let registry = Registry(
        regions: [NHSRegion(code: "E40000010", name: "North West"), NHSRegion(code: "E40000011", name: "Midlands")],
        icbs: [
            IntegratedCareBoard(code: "E54000008", name: "NHS Cheshire and Merseyside Integrated Care Board", regionCode: "E40000010"),
            IntegratedCareBoard(code: "E54000058", name: "NHS Derby and Derbyshire Integrated Care Board", regionCode: "E40000011"),
        ],
        areas: [
            SubICBLocation(
                code: "E38000208", name: "NHS Cheshire and Merseyside ICB - 12F", icbCode: "E54000008", odsCode: "12F", lsoaCount: 206,
                localAuthorities: ["Wirral"]),
            SubICBLocation(
                code: "E38000068", name: "NHS Cheshire and Merseyside ICB - 01F", icbCode: "E54000008", odsCode: "01F", lsoaCount: 79,
                localAuthorities: ["Halton"]),
            SubICBLocation(
                code: "E38000229", name: "NHS Derby and Derbyshire ICB - 15M", icbCode: "E54000058", odsCode: "15M", lsoaCount: 611,
                localAuthorities: ["Derby", "Derbyshire", "Amber Valley", "Erewash"]),
        ],
        vanguards: [
            Vanguard(
                number: 1, name: "Wirral Partners", careModel: .pacs, announced: Wave.first.announced, wave: .first,
                areaDescription: "Wirral", regionDescription: "North West",
                leadOrganisationsAsWritten: "Wirral University Teaching Hospital NHS FT",
                sources: ["https://www.england.nhs.uk/new-care-models/vanguards/"], confidence: .sourced, notes: nil),
            Vanguard(
                number: 2, name: "Erewash Multispecialty Community Provider", careModel: .mcp, announced: Wave.first.announced,
                wave: .first,
                areaDescription: "Erewash", regionDescription: "Midlands", leadOrganisationsAsWritten: "NHS Erewash CCG",
                sources: ["https://www.england.nhs.uk/new-care-models/vanguards/"], confidence: .partial,
                notes: "Footprint <approximate> & unverified"),
        ],
        governance: [1: VanguardGovernance(governance: "Alliance board", contracting: nil)],
        footprints: [
            FootprintArea(
                vanguardNumber: 1, areaCode: "E38000208", ccg2015Names: ["NHS Wirral CCG"], ccg2015Codes: ["12F"],
                basis: "ccg_exact", confidence: "high", note: nil, source: nil),
            FootprintArea(
                vanguardNumber: 2, areaCode: "E38000229", ccg2015Names: ["NHS Erewash CCG"], ccg2015Codes: ["03X"],
                basis: "ccg_merged", confidence: "medium", note: "Erewash is one part of 15M", source: nil),
        ],
        organisations: [
            Organisation(
                slug: "wirral-university-teaching-hospital-nhs-foundation-trust",
                name: "Wirral University Teaching Hospital NHS Foundation Trust",
                sector: .acuteTrust, odsCode: "RBL"),
            Organisation(slug: "wirral-council", name: "Wirral Council", sector: .localAuthority, odsCode: nil),
            Organisation(slug: "nhs-erewash-ccg", name: "NHS Erewash CCG", sector: .commissioner, odsCode: "03X"),
        ],
        memberships: [
            Membership(
                vanguardNumber: 1, organisationSlug: "wirral-university-teaching-hospital-nhs-foundation-trust", isLead: true,
                asWritten: "Wirral University Teaching Hospital NHS FT"),
            Membership(vanguardNumber: 1, organisationSlug: "wirral-council", isLead: false, asWritten: "Wirral Council"),
            Membership(vanguardNumber: 2, organisationSlug: "nhs-erewash-ccg", isLead: true, asWritten: "NHS Erewash CCG"),
        ],
        facts: [
            ProgrammeFact(key: "applications", value: 269, source: "https://www.england.nhs.uk/new-care-models/"),
            ProgrammeFact(key: "shortlisted", value: 50, source: "https://www.england.nhs.uk/new-care-models/"),
        ]
    )

    static let metrics = [
        Metric(
            code: "emergency_admissions", name: "Emergency admissions", definition: "Emergency admissions per 1,000 population",
            numerator: "Emergency admissions", denominator: "Registered population", unit: "per 1,000 population", multiplier: 1000,
            direction: .decrease, careModels: [.pacs, .mcp], source: "Hospital Episode Statistics", target: nil, chart: .xmr),
        Metric(
            code: "ae_four_hour", name: "A&E within four hours", definition: "Share of A&E attendances seen within four hours",
            numerator: "Seen within four hours", denominator: "Attendances", unit: "%", multiplier: 100,
            direction: .increase, careModels: [.uec], source: "A&E attendances and emergency admissions", target: 95, chart: .pp),
    ]

    static let fixedNow = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-28

    static let calls = [
        Call(
            id: UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!, title: "Wave four <new care models>",
            description: "Apply **together**.",
            opensAt: fixedNow.addingTimeInterval(-86_400 * 10), closesAt: fixedNow.addingTimeInterval(86_400 * 20),
            careModels: [.pacs, .mcp], questions: [], criteria: [])
    ]
}
