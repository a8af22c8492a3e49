import Testing

@testable import VanguardCore

/// Postcodes people type, read as a postcode, a sector or a district, and answered by sector.
@Suite struct PostcodeLookupTests {
    static let lookup = PostcodeLookup(sectors: [
        "CH49 5": ("E38000208", 52), "CH49 6": ("E38000208", 60), "CH60 0": ("E38000208", 30), "CH60 1": ("E38000101", 10),
        "EC1A 1": ("E38000255", 40),
    ])

    @Test func postcodesAreReadHoweverTheyAreWritten() {
        #expect(PostcodeLookup.parse("CH49 5PE")! == ("CH49", "CH49 5"))
        #expect(PostcodeLookup.parse("ch495pe")! == ("CH49", "CH49 5"))
        #expect(PostcodeLookup.parse(" EC1A 1BB ")! == ("EC1A", "EC1A 1"))
        #expect(PostcodeLookup.parse("CH49 5")! == ("CH49", "CH49 5"))
        #expect(PostcodeLookup.parse("CH49")! == ("CH49", nil))
        for notAPostcode in ["RBL", "12F", "E38000208", "Wirral", "care homes", "CH", "4949 5PE"] {
            #expect(PostcodeLookup.parse(notAPostcode) == nil, "\(notAPostcode)")
        }
    }

    @Test func aDistrictSpanningTwoAreasNamesBothByShare() {
        #expect(Self.lookup.places(for: "CH49 5PE") == [.init(areaCode: "E38000208", share: 1)])
        #expect(Self.lookup.places(for: "CH60") == [.init(areaCode: "E38000208", share: 0.75), .init(areaCode: "E38000101", share: 0.25)])
        #expect(Self.lookup.places(for: "ZZ99 9ZZ") == [])
        #expect(Self.lookup.places(for: "Wirral") == nil)
    }
}
