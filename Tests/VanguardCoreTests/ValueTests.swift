import Testing

@testable import VanguardCore

@Suite struct ValueTests {
    @Test(arguments: [
        ("2015-03-10", true), ("2016-02-29", true), ("2015-02-29", false), ("2015-13-01", false), ("15-03-10", false), ("2015-3-10", false),
    ])
    func calendarDatesParseOnlyRealDays(text: String, valid: Bool) {
        #expect((CalendarDate(iso8601: text) != nil) == valid)
    }

    @Test func wavesFollowFromTheirAnnouncementDates() {
        #expect(Wave(announcedOn: CalendarDate(year: 2015, month: 7, day: 24)) == .second)
        #expect(Wave(announcedOn: CalendarDate(year: 2015, month: 7, day: 25)) == nil)
        #expect(Wave.third.announced.longForm == "25 September 2015")
    }

    @Test(arguments: [
        ("Guy's and St Thomas' NHS FT", "guys-and-st-thomas-nhs-ft"),
        ("Wrightington, Wigan & Leigh NHS FT", "wrightington-wigan-leigh-nhs-ft"),
        ("NHS Fylde & Wyre CCG", "nhs-fylde-wyre-ccg"),
    ])
    func organisationSlugs(name: String, slug: String) {
        #expect(Organisation.slug(for: name) == slug)
    }

    @Test func pageRequestsAreValidated() throws {
        #expect(try PageRequest(page: nil, per: nil) == PageRequest(page: 1, per: 20))
        #expect(try PageRequest(page: "3", per: "100") == PageRequest(page: 3, per: 100))
        #expect(throws: InvalidParameter(name: "page", value: "-1", allowed: "a whole number from 1 to 100000")) {
            try PageRequest(page: "-1", per: nil)
        }
        // The page that once stopped the server: Int.max overflowed (page - 1) * per.
        #expect(throws: InvalidParameter(name: "page", value: "9223372036854775807", allowed: "a whole number from 1 to 100000")) {
            try PageRequest(page: "9223372036854775807", per: "100")
        }
        #expect(PageRequest(page: .max, per: .max).slice(Array(0..<5)).isEmpty)
        #expect(PageRequest(page: .max, per: 100).offset == (PageRequest.maximumPage - 1) * 100)
        #expect(throws: InvalidParameter(name: "per", value: "1000000000", allowed: "a whole number from 1 to 100")) {
            try PageRequest(page: nil, per: "1000000000")
        }
        #expect(throws: InvalidParameter.self) { try PageRequest(page: "abc", per: nil) }
        #expect(PageRequest(page: 2, per: 3).slice(Array(1...7)) == [4, 5, 6])
        #expect(PageRequest(page: 9, per: 3).slice(Array(1...7)).isEmpty)
        #expect(PageRequest(page: 1, per: 3).pageCount(total: 7) == 3)
    }

    @Test func filterParametersAreCheckedAgainstTheRegistry() throws {
        let registry = try ProjectFiles.registry()
        let filter = try VanguardFilter(careModel: "PACS", wave: "1", region: "E40000010", text: "  ", in: registry)
        #expect(filter == VanguardFilter(careModel: .pacs, wave: .first, regionCode: "E40000010", text: nil))
        #expect(throws: InvalidParameter(name: "care_model", value: "xyz", allowed: "one of pacs, mcp, ehch, uec, acc")) {
            try VanguardFilter(careModel: "xyz", wave: nil, region: nil, text: nil, in: registry)
        }
        #expect(throws: InvalidParameter(name: "wave", value: "4", allowed: "1, 2 or 3")) {
            try VanguardFilter(careModel: nil, wave: "4", region: nil, text: nil, in: registry)
        }
        let region = #expect(throws: InvalidParameter.self) {
            try VanguardFilter(careModel: nil, wave: nil, region: "E40999999", text: nil, in: registry)
        }
        #expect(region?.allowed.contains("E40000003") == true)
    }
}
