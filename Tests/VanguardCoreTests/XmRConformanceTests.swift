import Foundation
import Testing

@testable import VanguardCore

/// Every case NHSRplotthedots 0.2.2 produced (Fixtures/spc/conformance.json): numbers within 1e-12
/// relative, labels, flags, types and icons exactly.
@Suite struct XmRConformanceTests {
    struct Case: Decodable, CustomTestStringConvertible {
        let name: String
        let input: XmRInput
        let expected: XmRChart?
        let expectedError: String?

        var testDescription: String { name }

        enum CodingKeys: String, CodingKey {
            case name, expected
            case expectedError = "expected_error"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            input = try XmRInput(from: decoder)
            expected = try container.decodeIfPresent(XmRChart.self, forKey: .expected)
            expectedError = try container.decodeIfPresent(String.self, forKey: .expectedError)
        }
    }

    struct File: Decodable {
        let cases: [Case]
    }

    static let cases: [Case] = {
        let url = ProjectFiles.fixtures.appendingPathComponent("spc/conformance.json")
        // A fixture that does not parse should fail loudly, not pass with no cases.
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }()

    @Test func everyCaseIsLoaded() {
        #expect(Self.cases.count == 47)
    }

    @Test(arguments: cases)
    func matchesTheReference(_ testCase: Case) throws {
        guard let expected = testCase.expected else {
            #expect(throws: XmRError.self) { try XmRChart(testCase.input) }
            return
        }
        let chart = try XmRChart(testCase.input)
        Self.expectClose(chart.mean, expected.mean, "mean")
        Self.expectClose(chart.lpl, expected.lpl, "lpl")
        Self.expectClose(chart.upl, expected.upl, "upl")
        #expect(chart.groups.count == expected.groups.count)
        for (group, reference) in zip(chart.groups, expected.groups) {
            #expect(
                group.rebaseGroup == reference.rebaseGroup && group.startIndex == reference.startIndex
                    && group.endIndex == reference.endIndex)
            #expect(group.n == reference.n && group.shortGroupWarning == reference.shortGroupWarning)
            for (name, ours, theirs) in [
                ("mean", group.mean, reference.mean), ("amr", group.amr, reference.amr), ("lpl", group.lpl, reference.lpl),
                ("upl", group.upl, reference.upl), ("nlpl", group.nlpl, reference.nlpl), ("nupl", group.nupl, reference.nupl),
            ] {
                Self.expectClose(ours, theirs, "group \(group.rebaseGroup) \(name)")
            }
        }
        for (index, (ours, theirs)) in zip(chart.points.lpl, expected.points.lpl).enumerated() {
            Self.expectClose(ours, theirs, "points.lpl[\(index)]")
        }
        for (index, (ours, theirs)) in zip(chart.points.mean, expected.points.mean).enumerated() {
            Self.expectClose(ours, theirs, "points.mean[\(index)]")
        }
        #expect(chart.points.outsideLimits == expected.points.outsideLimits)
        #expect(chart.points.relativeToMean == expected.points.relativeToMean)
        #expect(chart.points.closeToLimits == expected.points.closeToLimits)
        #expect(chart.points.specialCauseType == expected.points.specialCauseType)
        #expect(chart.points.specialCauseFlag == expected.points.specialCauseFlag)
        #expect(chart.points.pointType == expected.points.pointType)
        #expect(chart.variationIcon == expected.variationIcon)
        #expect(chart.assuranceType == expected.assuranceType)
        #expect(chart.assuranceIcon == expected.assuranceIcon)
        #expect(chart.warnings == expected.warnings)
    }

    static func expectClose(_ ours: Double?, _ theirs: Double?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        switch (ours, theirs) {
        case (nil, nil):
            return
        case let (ours?, theirs?):
            let scale = max(abs(theirs), 1e-300)
            #expect(abs(ours - theirs) / scale <= 1e-12 || ours == theirs, "\(what): \(ours) vs \(theirs)", sourceLocation: sourceLocation)
        default:
            Issue.record("\(what): \(String(describing: ours)) vs \(String(describing: theirs))", sourceLocation: sourceLocation)
        }
    }
}

@Suite struct XmRHelperAndRunChartTests {
    struct Reference: Decodable {
        struct Helper: Decodable {
            let function: String
            let args: [[Double]]
            let result: [Double]
        }

        struct Assurance: Decodable {
            let lpl: Double
            let upl: Double
            let target: Double
            let improvementDirection: ImprovementDirection
            let assuranceType: String?

            enum CodingKeys: String, CodingKey {
                case lpl, upl, target
                case improvementDirection = "improvement_direction"
                case assuranceType = "assurance_type"
            }
        }

        struct Anhoej: Decodable {
            struct Limit: Decodable {
                let nUseful: Int
                let longestRunMax: Int
                let nCrossingsMin: Int

                enum CodingKeys: String, CodingKey {
                    case nUseful = "n_useful"
                    case longestRunMax = "longest_run_max"
                    case nCrossingsMin = "n_crossings_min"
                }
            }

            struct RunCase: Decodable {
                let name: String
                let values: [Double]
                let centreLineMedian: Double
                let nUseful: Int
                let longestRun: Int
                let longestRunMax: Int
                let nCrossings: Int
                let nCrossingsMin: Int
                let runsSignal: Bool

                enum CodingKeys: String, CodingKey {
                    case name, values
                    case centreLineMedian = "centre_line_median"
                    case nUseful = "n_useful"
                    case longestRun = "longest_run"
                    case longestRunMax = "longest_run_max"
                    case nCrossings = "n_crossings"
                    case nCrossingsMin = "n_crossings_min"
                    case runsSignal = "runs_signal"
                }
            }

            let limits: [Limit]
            let runChartCases: [RunCase]

            enum CodingKeys: String, CodingKey {
                case limits
                case runChartCases = "run_chart_cases"
            }
        }

        let helperCases: [Helper]
        let assuranceUnitCases: [Assurance]
        let anhoej: Anhoej

        enum CodingKeys: String, CodingKey {
            case anhoej
            case helperCases = "helper_cases"
            case assuranceUnitCases = "assurance_unit_cases"
        }
    }

    static let reference = try! JSONDecoder().decode(  // the fixture is part of the repository; failing to read it fails every test here
        Reference.self, from: Data(contentsOf: ProjectFiles.fixtures.appendingPathComponent("spc/conformance.json"))
    )

    @Test func helperFunctionsMatch() throws {
        #expect(Self.reference.helperCases.count > 20)
        for helper in Self.reference.helperCases {
            let result: [Double]
            switch helper.function {
            case "ptd_seven_point_one_side_mean":
                result = XmRChart.sevenPointOneSideMean(helper.args[0]).map(Double.init)
            case "ptd_part_of_seven_trend":
                result = XmRChart.partOfSeven(helper.args[0].map { Int($0) }).map { $0 ? 1 : 0 }
            case "ptd_seven_point_trend":
                result = try XmRChart.sevenPointTrend(helper.args[0]).map(Double.init)
            case "ptd_two_in_three":
                result = XmRChart.twoInThree(close: helper.args[0].map { $0 == 1 }, rtm: helper.args[1]).map { $0 ? 1 : 0 }
            case "ptd_part_of_two_in_three":
                result = XmRChart.partOfTwoInThree(helper.args[0].map { $0 == 1 }, close: helper.args[1].map { $0 == 1 }).map { $0 ? 1 : 0 }
            default:
                Issue.record("unknown helper \(helper.function)")
                continue
            }
            #expect(result == helper.result, "\(helper.function)(\(helper.args))")
        }
    }

    @Test func assuranceMatches() {
        for item in Self.reference.assuranceUnitCases {
            #expect(
                XmRChart.assurance(target: item.target, lpl: item.lpl, upl: item.upl, direction: item.improvementDirection)
                    == item.assuranceType)
        }
    }

    @Test func anhoejLimitsMatchTheTable() {
        #expect(Self.reference.anhoej.limits.count == 100)
        for limit in Self.reference.anhoej.limits {
            let ours = RunChartAnalysis.limits(usefulObservations: limit.nUseful)
            #expect(ours.longestRunMax == limit.longestRunMax && ours.crossingsMin == limit.nCrossingsMin, "n=\(limit.nUseful)")
        }
    }

    @Test func runChartCasesMatch() {
        for item in Self.reference.anhoej.runChartCases {
            let analysis = RunChartAnalysis(values: item.values)
            #expect(analysis.centreLine == item.centreLineMedian, "\(item.name)")
            #expect(
                analysis.usefulObservations == item.nUseful && analysis.longestRun == item.longestRun
                    && analysis.crossings == item.nCrossings, "\(item.name)")
            #expect(analysis.longestRunMax == item.longestRunMax && analysis.crossingsMin == item.nCrossingsMin, "\(item.name)")
            #expect(analysis.signal == item.runsSignal, "\(item.name)")
        }
    }
}
