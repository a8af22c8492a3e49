import Foundation
import Testing

@testable import VanguardCore

@Suite struct ReturnsFileTests {
    static let checker = ReturnsFile(
        knownAreas: ["E38000208", "E38000143"], knownMetrics: ["emergency_admissions", "ae_four_hour"],
        latestPeriod: Month(year: 2019, month: 3),
        maximumBytes: 10_000
    )
    static let header = "area_code,metric_code,period,numerator,denominator\n"

    @Test func aGoodFileGivesEveryRow() throws {
        let values = try Self.checker.read(
            Data((Self.header + "E38000208,emergency_admissions,2015-04,1032,320500\nE38000143, ae_four_hour ,2019-03,9500.5,10000\n").utf8)
        )
        #expect(
            values == [
                ReturnValue(
                    areaCode: "E38000208", metricCode: "emergency_admissions", period: Month(year: 2015, month: 4), numerator: 1032,
                    denominator: 320_500),
                ReturnValue(
                    areaCode: "E38000143", metricCode: "ae_four_hour", period: Month(year: 2019, month: 3), numerator: 9500.5,
                    denominator: 10_000),
            ])
    }

    @Test(arguments: [
        ("E38000000,emergency_admissions,2015-04,1,2", "area_code", "is not a known sub-ICB location (E38…)"),
        ("E38000208,beds,2015-04,1,2", "metric_code", "is not a metric in the framework"),
        ("E38000208,emergency_admissions,2015-4,1,2", "period", "is not a month in the form YYYY-MM"),
        ("E38000208,emergency_admissions,April 2015,1,2", "period", "is not a month in the form YYYY-MM"),
        ("E38000208,emergency_admissions,2019-04,1,2", "period", "is in the future (the latest month accepted is 2019-03)"),
        ("E38000208,emergency_admissions,2015-04,-1,2", "numerator", "is negative"),
        ("E38000208,emergency_admissions,2015-04,ten,2", "numerator", "is not a number"),
        ("E38000208,emergency_admissions,2015-04,0x10,2", "numerator", "is not a number"),
        ("E38000208,emergency_admissions,2015-04,nan,2", "numerator", "is not a number"),
        (
            "E38000208,emergency_admissions,2015-04,1e300,2", "numerator",
            "is larger than any count or population (at most 1,000,000,000,000)"
        ),
        ("E38000208,emergency_admissions,2015-04,1,", "denominator", "is empty"),
        ("E38000208,emergency_admissions,2015-04,1,0", "denominator", "is zero, so no rate can be formed"),
    ])
    func eachBadCellIsNamed(row: String, column: String, reason: String) throws {
        // setup: one good row, then the bad one on line 3
        let text = Self.header + "E38000208,emergency_admissions,2015-03,1,2\n" + row + "\n"
        // MUT
        let rejection = #expect(throws: ReturnsRejection.self) { try Self.checker.read(Data(text.utf8)) }
        // validate
        #expect(rejection?.total == 1)
        #expect(rejection?.problems.first?.row == 3)
        #expect(rejection?.problems.first?.column == column)
        #expect(rejection?.problems.first?.reason == reason)
    }

    @Test func duplicateKeysInsideTheFileAreRefused() {
        let text = Self.header + "E38000208,emergency_admissions,2015-03,1,2\nE38000208,emergency_admissions,2015-03,5,6\n"
        let rejection = #expect(throws: ReturnsRejection.self) { try Self.checker.read(Data(text.utf8)) }
        #expect(
            rejection?.problems == [
                ReturnProblem(
                    row: 3, column: "period", value: "2015-03",
                    reason: "repeats area E38000208, metric emergency_admissions and period 2015-03 of row 2")
            ])
    }

    @Test(arguments: [
        ("", "the file is empty"),
        (
            "area_code,metric,period,numerator,denominator\nE38000208,emergency_admissions,2015-03,1,2\n",
            "the header must be exactly area_code,metric_code,period,numerator,denominator; missing: metric_code; not recognised: metric"
        ),
        (header, "the file has a header but no rows"),
    ])
    func wholeFileProblems(text: String, reason: String) {
        let rejection = #expect(throws: ReturnsRejection.self) { try Self.checker.read(Data(text.utf8)) }
        #expect(rejection?.problems.first?.reason == reason)
    }

    @Test func notUTF8AndTooLargeAreRefusedBeforeReading() {
        let latin1 = #expect(throws: ReturnsRejection.self) { try Self.checker.read(Data([0x61, 0xE9, 0x0A])) }
        #expect(latin1?.problems.first?.reason == "the file is not UTF-8 text")
        let large = #expect(throws: ReturnsRejection.self) { try Self.checker.read(Data(repeating: 0x41, count: 10_001)) }
        #expect(large?.problems.first?.reason == "the file is 10001 bytes; at most 10000 are accepted")
    }

    @Test func theFirstHundredProblemsAreShownAndAllCounted() {
        let rows = (0..<150).map { "E38000208,emergency_admissions,2015-03,\($0),0" }.joined(separator: "\n")
        let checker = ReturnsFile(
            knownAreas: ["E38000208"], knownMetrics: ["emergency_admissions"], latestPeriod: Month(year: 2019, month: 3))
        let rejection = #expect(throws: ReturnsRejection.self) { try checker.read(Data((Self.header + rows).utf8)) }
        // Every row has a zero denominator; a rejected row is not remembered, so none is also counted as a repeat.
        #expect(rejection?.problems.count == ReturnsRejection.shownLimit)
        #expect(rejection?.total == 150)
        #expect(rejection?.description.hasPrefix("the file was rejected, nothing was written: 150 problems (first 100 shown)") == true)
    }

    @Test func monthsParseAndCount() {
        #expect(Month("2015-04") == Month(year: 2015, month: 4))
        #expect(Month("2015-00") == nil && Month("15-04") == nil && Month("2015-4") == nil)
        #expect(Month(year: 2015, month: 11).adding(months: 3) == Month(year: 2016, month: 2))
        #expect(Month(year: 2015, month: 3).financialYear == 2014 && Month(year: 2015, month: 4).financialYear == 2015)
    }

    @Test func theSeededFrameworkReads() throws {
        let dataset = try ProjectFiles.dataset.get()
        #expect(dataset.metrics.count == 7)
        let fourHour = try #require(dataset.metrics.first { $0.code == "ae_four_hour" })
        #expect(fourHour.direction == .increase && fourHour.target == 95 && fourHour.careModels == [.uec])
        #expect(fourHour.rate(numerator: 9_500, denominator: 10_000) == 95)
    }

    @Test func theCodesAFileNamesAreEachFoundOnceWhereverTheyRecur() {
        func value(_ area: String, _ metric: String, _ month: Int) -> ReturnValue {
            ReturnValue(areaCode: area, metricCode: metric, period: Month(year: 2016, month: month), numerator: 1, denominator: 2)
        }
        let values = [value("A", "m", 1), value("A", "n", 1), value("B", "m", 1), value("A", "m", 2), value("B", "o", 2)]
        let codes = ReturnValue.codes(in: values)
        #expect(codes.metrics == ["m", "n", "o"])
        #expect(codes.areas == ["A", "B"])
        #expect(ReturnValue.codes(in: []).metrics.isEmpty)
        #expect(Month(year: 2016, month: 1).number + 1 == Month(year: 2016, month: 2).number)
        #expect(Month(year: 2015, month: 12).number + 1 == Month(year: 2016, month: 1).number)
    }
}
