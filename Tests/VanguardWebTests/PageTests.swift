import Foundation
import Testing
import VaporTesting

@testable import VanguardWeb

@Suite struct PageTests {
    @Test func homeShowsFiguresComputedFromTheData() async throws {
        try await TestApp.run { app in
            // MUT
            let home = try await app.fetch("/")
            // validate
            #expect(home.status == .ok)
            #expect(home.headers.contentType == .html)
            #expect(home.body.contains("counted from the registry's 2015 waves: 29 + 8 + 13"))
            #expect(home.body.contains(">269<"))
            #expect(home.body.contains(">63<"))
            #expect(home.body.contains("59 of 106"))
            #expect(home.body.contains("10 March 2015") && home.body.contains("24 July 2015") && home.body.contains("25 September 2015"))
            for link in ["/vanguards", "/map", "/search", "/organisations", "/api/v1/openapi.json"] {
                #expect(home.internalLinks.contains(link), "home links to \(link)")
            }
        }
    }

    @Test func everyPageIsReachableFromHomeAndNoLinkIsBroken() async throws {
        try await TestApp.run { app in
            // setup
            var queue = ["/"]
            var seen: Set<String> = ["/"]
            var failures: [String] = []
            // MUT: follow every internal link, breadth first
            while !queue.isEmpty {
                let path = queue.removeFirst()
                let page = try await app.fetch(path)
                if page.status != .ok { failures.append("\(path) → \(page.status.code)") }
                guard page.headers.contentType == .html else { continue }
                for link in page.internalLinks where !seen.contains(link) {
                    seen.insert(link)
                    queue.append(link)
                }
            }
            // validate
            #expect(failures.isEmpty, "broken links: \(failures.prefix(10))")
            for path in [
                "/map", "/vanguards/1", "/vanguards/50", "/areas/E38000208", "/icbs/E54000057", "/regions/E40000010",
                "/organisations", "/organisations/salford-royal-nhs-ft", "/search", "/about/data", "/healthz",
            ] {
                #expect(seen.contains(path), "\(path) is reachable from home")
            }
            #expect(seen.filter { $0.hasPrefix("/vanguards/") && $0.split(separator: "/").count == 2 }.count == 50)
            #expect(seen.filter { $0.hasSuffix("/dashboard") }.count == 50)
            #expect(seen.filter { $0.hasSuffix("/dashboard.csv") }.count == 50)
            #expect(seen.filter { $0.hasPrefix("/areas/") }.count == 106)
        }
    }

    @Test func vanguardsListFilters() async throws {
        try await TestApp.run { app in
            let pacs = try await app.fetch("/vanguards?care_model=pacs")
            #expect(pacs.status == .ok)
            #expect(pacs.body.contains("9 of 50 vanguards match."))
            let words = try await app.fetch("/vanguards?q=salford&wave=&region=")
            #expect(words.body.contains("2 of 50 vanguards match."))
            #expect(words.body.contains("Salford Together") && words.body.contains("Salford and Wigan Foundation Chain"))
            let london = try await app.fetch("/vanguards?region=E40000003")
            #expect(london.body.contains("8 of 50 vanguards match."))
        }
    }

    @Test(arguments: [
        ("/vanguards?care_model=xyz", "care_model='xyz' is not allowed: care_model must be one of pacs, mcp, ehch, uec, acc"),
        ("/vanguards?wave=9", "wave must be 1, 2 or 3"),
        ("/vanguards?region=E40999999", "region must be an NHS England region code"),
        ("/map?care_model=abc", "care_model must be one of pacs, mcp, ehch, uec, acc"),
        ("/organisations?sector=space", "sector must be one of commissioner"),
        ("/organisations?page=0", "page must be a whole number from 1"),
    ])
    func badQueryParametersGet400WithWhatIsAllowed(path: String, message: String) async throws {
        try await TestApp.run { app in
            let page = try await app.fetch(path)
            #expect(page.status == .badRequest)
            #expect(page.body.contains("There is a problem with the request"))
            #expect(page.body.contains(message), "\(path): \(page.body.prefix(0))")
        }
    }

    @Test(arguments: [
        "/vanguards/99", "/vanguards/abc", "/areas/E38999999", "/icbs/nope", "/regions/E40000001", "/organisations/nobody", "/no/such/page",
    ])
    func unknownThingsGetA404Page(path: String) async throws {
        try await TestApp.run { app in
            let page = try await app.fetch(path)
            #expect(page.status == .notFound)
            #expect(page.headers.contentType == .html)
            #expect(page.body.contains("Page not found"))
        }
    }

    @Test func vanguardPageShowsPartnersBySectorFootprintAndSources() async throws {
        try await TestApp.run { app in
            let page = try await app.fetch("/vanguards/5")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h1>Salford Together</h1>"))
            #expect(page.body.contains("Acute trust") && page.body.contains("Salford Royal NHS FT"))
            #expect(page.body.contains("NHS Salford CCG"))
            #expect(page.body.contains("ODS 01G"))
            #expect(page.body.contains("href=\"/areas/E38000143\""))
            #expect(page.body.contains("https://www.england.nhs.uk/"))
            #expect(page.body.contains("Not yet recorded"))
            #expect(page.count(of: "class=\"vg-area ") > 1)
            #expect(!page.body.contains("Partly sourced"))
        }
    }

    @Test func aPartialRowSaysSoAndGuessesNothing() async throws {
        try await TestApp.run { app in
            let page = try await app.fetch("/vanguards/32")
            #expect(page.body.contains("Partly sourced"))
            #expect(page.body.contains("No partner organisation is named in the public sources for this vanguard."))
            let unverified = try await app.fetch("/vanguards/2")
            #expect(unverified.body.contains("Lead organisations unverified"))
        }
    }

    @Test func mapShadesEveryAreaAndHasATableAndCredit() async throws {
        try await TestApp.run { app in
            let map = try await app.fetch("/map")
            #expect(map.status == .ok)
            #expect(map.count(of: "<path class=\"vg-area ") == 106)
            #expect(map.count(of: "vg-area vg-fill--none") == 47)
            #expect(map.body.contains("Contains ONS data © Crown copyright"))
            #expect(map.count(of: "<td><a href=\"/areas/") == 106)
            let ehch = try await app.fetch("/map?care_model=ehch")
            let shaded = ehch.count(of: "vg-area vg-fill--ehch")
            #expect(shaded > 0)
            #expect(shaded + ehch.count(of: "vg-area vg-fill--none") == 106)
        }
    }

    @Test func areaPageNamesItsICBRegionAndVanguards() async throws {
        try await TestApp.run { app in
            let wirral = try await app.fetch("/areas/E38000208")
            #expect(wirral.body.contains("NHS Cheshire and Merseyside Integrated Care Board"))
            #expect(wirral.body.contains("href=\"/regions/E40000010\""))
            #expect(wirral.body.contains("Wirral Partners"))
            let uncovered = try await app.fetch("/api/v1/areas?covered=false&per=1")
            let code = try #require(((try uncovered.json()["items"] as? [[String: Any]])?.first?["code"]) as? String)
            let empty = try await app.fetch("/areas/\(code)")
            #expect(empty.body.contains("No vanguard covered this area"))
        }
    }

    @Test func findYourLocalVanguardAnswersAndEscapes() async throws {
        try await TestApp.run { app in
            // The old address goes to the one search, query kept.
            let old = try await app.fetch("/find?q=Salford+Royal")
            #expect(old.status == .movedPermanently && old.headers.first(name: .location) == "/search?q=Salford%20Royal")
            let salford = try await app.fetch("/search?q=Salford+Royal")
            #expect(salford.body.contains("href=\"/organisations/salford-royal-nhs-ft\""))
            #expect(salford.body.contains("Salford and Wigan Foundation Chain"))
            let hostile = try await app.fetch("/search?q=%3Cscript%3Ealert(1)%3C/script%3E")
            #expect(hostile.status == .ok)
            #expect(!hostile.body.contains("<script>alert(1)"))
            #expect(hostile.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    /// What people type: a vanguard's place first, councils that are not in any official name,
    /// and areas shown by the place name people know beside the ICB's.
    @Test func oneSearchFindsPlacesByWhatPeopleCallThem() async throws {
        try await TestApp.run { app in
            let wirral = try await app.fetch("/search?q=wirral")
            let first = try #require(wirral.body.range(of: "class=\"vg-result\""))
            #expect(wirral.body[first.upperBound...].prefix(400).contains("Wirral Partners"))
            #expect(wirral.body.contains("Wirral (NHS Cheshire and Merseyside ICB - 12F)"))
            // Halton is a council: no area, ICB or organisation is named after it.
            let halton = try await app.fetch("/search?q=Halton")
            #expect(halton.body.contains("href=\"/areas/E38000068\"") && halton.body.contains("Matched on council: Halton"))
            // The search says plainly what it cannot find.
            let town = try await app.fetch("/search?q=Birkenhead")
            #expect(
                town.body.contains("Nothing matches ‘Birkenhead’")
                    && town.body.contains("It does not know towns inside a council or hospital sites"))
            // Postcodes, from the ONS Postcode Directory by sector: a full one, and a district.
            let postcode = try await app.fetch("/search?q=ch49+5pe")
            #expect(postcode.body.contains("href=\"/areas/E38000208\"") && postcode.body.contains("Matched on postcode CH49 5PE"))
            let district = try await app.fetch("/search?q=CH49")
            #expect(
                district.body.contains("Wirral (NHS Cheshire and Merseyside ICB - 12F)")
                    && district.body.contains("Matched on postcode CH49"))
            #expect(try await app.fetch("/search?q=ZZ99+9ZZ").body.contains("Nothing matches"))
            // An area's page is titled by the place people know, with the official name beside it.
            let area = try await app.fetch("/areas/E38000208")
            #expect(
                area.body.contains("<h1>Wirral</h1>")
                    && area.body.contains("<dd class=\"nhsuk-summary-list__value\">NHS Cheshire and Merseyside ICB - 12F</dd>"))
            // The header's box is this search.
            #expect(try await app.fetch("/").body.contains("action=\"/search\""))
        }
    }

    @Test func organisationsDirectoryPagesAndFilters() async throws {
        try await TestApp.run { app in
            let all = try await app.fetch("/organisations")
            #expect(all.body.contains("organisations."))
            #expect(all.body.contains("Page 1 of 3"))
            let ambulance = try await app.fetch("/organisations?sector=ambulance")
            #expect(ambulance.body.contains("3 organisations."))
            let organisation = try await app.fetch("/organisations/nottingham-university-hospitals-nhs-trust")
            #expect(organisation.body.contains("Greater Nottingham System Resilience Group"))
            #expect(organisation.body.contains("East Midlands Radiology Consortium"))
            #expect(organisation.body.contains("Lead"))
        }
    }

    @Test func pagesCarrySecurityHeadersAndServeAssets() async throws {
        try await TestApp.run { app in
            let home = try await app.fetch("/")
            let policy = try #require(home.headers.first(name: "Content-Security-Policy"))
            #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"))
            #expect(home.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(home.headers.first(name: "X-Frame-Options") == "DENY")
            let css = try await app.fetch("/assets/site.css")
            #expect(css.status == .ok)
            #expect(css.body.contains("--vg-pacs"))
            let escape = try await app.fetch("/assets/..%2FPackage.swift")
            #expect(escape.status == .notFound)
            let unknownVendor = try await app.fetch("/assets/vendor/other.js")
            #expect(unknownVendor.status == .notFound)
        }
    }
}

@Suite struct EscapingTests {
    @Test func attributeValuesFromUsersAreEscaped() async throws {
        try await TestApp.run { app in
            let page = try await app.fetch("/search?q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
            #expect(page.status == .ok)
            #expect(!page.body.contains("<img src=x"))
            #expect(page.body.contains("value=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\""))
        }
    }

    /// Plot writes attribute values unescaped (its head `.title` too, into og:title); views must use
    /// the escaping helpers instead.
    @Test func viewsNeverSetAttributesWithoutEscaping() throws {
        let sources = TestApp.root.appendingPathComponent("Sources/VanguardWeb")
        let files =
            FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" && $0.lastPathComponent != "SafeAttributes.swift" } ?? []
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for unsafe in [".href(", ".value(", ".attribute(named:", ".title(\""] {
                #expect(!text.contains(unsafe), "\(file.lastPathComponent) uses \(unsafe)")
            }
        }
    }
}

@Suite struct FormTests {
    /// Plot drops empty attributes; an "any" option without `value=""` would submit its label.
    @Test func anyOptionsSubmitAnEmptyValue() async throws {
        try await TestApp.run { app in
            let page = try await app.fetch("/vanguards")
            #expect(page.body.contains("<option value>Any wave</option>"))  // a bare attribute is the empty string
            #expect(page.body.contains("<option value>Any care model</option>"))
            #expect(!page.body.contains("<option>"))
        }
    }
}
