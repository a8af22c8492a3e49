import Foundation
import Testing

@testable import VanguardCore

/// The byte-level reader of plain returns files must accept nothing the general reader refuses and
/// read every value it accepts exactly as the general reader does.
@Suite struct PlainReturnsReaderTests {
    static let file = ReturnsFile(
        knownAreas: ["E38000208", "E38000143", "E38000001"],
        knownMetrics: ["emergency_admissions", "care_home_admissions", "ae_four_hour"],
        latestPeriod: Month(year: 2026, month: 12))

    static let plain = """
        area_code, metric_code ,period,numerator,denominator\r
        E38000208,emergency_admissions,2015-04,3100,339900\r
        E38000208,emergency_admissions,2015-05, 3050\t,339900.5\r
        \r
        E38000143,care_home_admissions,2016-01,12,1.5e3
        E38000001,ae_four_hour,2026-12,0,000000000000001

        E38000001,ae_four_hour,1900-01,999999999999,1000000000000
        """

    @Test func aPlainFileIsReadByBytesWithTheGeneralReadersValues() throws {
        let data = Data(Self.plain.utf8)
        let reader = try #require(PlainReturnsReader(file: Self.file))
        // setup: the plain reader takes this file itself, rather than handing it on
        let plainValues = try #require(data.withUnsafeBytes { reader.read($0) })
        // validate
        #expect(plainValues == (try Self.file.readInGeneral(data)))
        #expect(plainValues.count == 5)
        #expect(
            plainValues[1]
                == ReturnValue(
                    areaCode: "E38000208", metricCode: "emergency_admissions", period: Month(year: 2015, month: 5), numerator: 3050,
                    denominator: 339900.5))
        #expect(plainValues[2].denominator == 1500)
        #expect(plainValues[4].numerator == 999_999_999_999 && plainValues[4].denominator == 1e12)
    }

    @Test func whatThePlainReaderIsNotSureOfGoesToTheGeneralReader() throws {
        let reader = try #require(PlainReturnsReader(file: Self.file))
        let header = "area_code,metric_code,period,numerator,denominator\n"
        for row in [
            "E38000208,emergency_admissions,2015-04,\"3,100\",339900",  // a quote
            "E38000208,emergency_admissions,2015-04,+3100,339900",  // a sign
            "E38000208,emergency_admissions,2015-04,3100,339900\rx",  // a lone carriage return
            "E38000208,emergency_admissions,2015-04,3100,0",  // no rate
            "E38000208,emergency_admissions,2015-4,3100,339900",  // a short month
            "E38000208,emergency_admissions,2027-01,3100,339900",  // the future
            "E38000208,emergency_admissions,2015-04,3100,339900,",  // a sixth field
            "E38000208,emergency_admissions,2015-04,3100,339900\nE38000208,emergency_admissions,2015-04,1,2",  // a repeat
            "E38000208,emergency_admissions,2015-04,1e13,339900",  // too large
            "E38000208 ,Emergency_admissions,2015-04,3100,339900",  // an unknown metric
            "E38000208\u{A0},emergency_admissions,2015-04,3100,339900",  // a non-ASCII space
        ] {
            let data = Data((header + row + "\n").utf8)
            #expect(data.withUnsafeBytes { reader.read($0) } == nil, "\(row.debugDescription)")
        }
    }

    /// Mutations of a plain file, each read both ways: the same values, or the same rejection.
    @Test func bothReadersAgreeOnMutatedFiles() throws {
        var acceptedByBytes = 0
        let reader = try #require(PlainReturnsReader(file: Self.file))
        for data in ParserFuzzTests.mutations(of: Array(Self.plain.utf8), seed: ParserFuzzTests.seed &+ 7) {
            let general = Result { () throws(ReturnsRejection) in try Self.file.readInGeneral(data) }
            let whole = Result { () throws(ReturnsRejection) in try Self.file.read(data) }
            #expect(whole == general)
            if let values = data.withUnsafeBytes({ reader.read($0) }) {
                acceptedByBytes += 1
                #expect(Result.success(values) == general)
            }
        }
        // Some mutations stay plain and valid, so the comparison above is not empty.
        #expect(acceptedByBytes > 0)
    }
}
