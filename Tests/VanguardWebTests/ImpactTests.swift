import Foundation
import Testing
import VanguardCore
import VaporTesting

@testable import VanguardStore
@testable import VanguardWeb

@Suite struct ImpactTests {
    /// Generated emergency admissions for Wirral (vanguard 1) and twelve areas with no vanguard.
    static func load(_ app: Application) async throws -> Registry {
        let registry = try await RegistryStore(on: app).registry()
        let metrics = try await ReturnsStore(on: app).metrics()
        let demo = DemoReturns(seed: 2015, registry: registry, metrics: metrics)
        let covered = Set(registry.footprints.map(\.areaCode))
        let areas = Set(["E38000208"] + registry.areas.map(\.code).filter { !covered.contains($0) }.prefix(12))
        let values = demo.values.filter { $0.metricCode == "emergency_admissions" && areas.contains($0.areaCode) }
        _ = try await ReturnsStore(on: app).submit(values, fileName: "generated", by: .operatorAtCLI("test"))
        try await EvaluationStore(on: app).recordEffects(demo.effects.filter { areas.contains($0.areaCode) }, seed: 2015)
        try await EvaluationStore(on: app).recomputeAll(registry: registry)
        return registry
    }

    @Test func estimatesAreFittedStoredAndShownWithTheirVerdicts() async throws {
        try await TestApp.run { app in
            let registry = try await Self.load(app)
            #expect(try await app.fetch("/vanguards/1/impact/emergency_admissions").status == .notFound)
            // MUT
            let count = try await ImpactStore(on: app).recomputeAll(registry: registry)
            // validate: one study, Wirral (the other footprints have no returns here)
            #expect(count == 1)
            let stored = try #require(try await ImpactStore(on: app).impact(vanguard: 1, metric: "emergency_admissions"))
            let synthetic = try #require(stored.synthetic)
            #expect(synthetic.units == 13)
            #expect(abs(synthetic.weights.values.reduce(0, +) - 1) < 1e-6)
            #expect(stored.start == Month(year: 2015, month: 3))
            let page = try await app.fetch("/vanguards/1/impact/emergency_admissions")
            #expect(page.status == .ok)
            #expect(page.body.contains("Generated data"))
            #expect(page.body.contains("Synthetic control") && page.body.contains("Matched comparison (difference-in-differences)"))
            #expect(page.count(of: "class=\"vg-impact\"") == 5)
            // Synthetic difference-in-differences beside them: estimate, placebo SE, weights and a
            // conformal band around the monthly gap.
            let sdid = try #require(stored.syntheticDifferenceInDifferences)
            #expect(page.body.contains("Synthetic difference-in-differences"))
            #expect(sdid.placeboReplications == 50 && sdid.standardError > 0)
            #expect(abs(sdid.unitWeights.values.reduce(0, +) - 1) < 0.02)
            #expect(!sdid.timeWeights.isEmpty && sdid.timeWeights.keys.allSatisfy { $0 < "2015-03" })
            let post = stored.months.filter { $0 >= stored.start }.count
            #expect(sdid.conformalLower.count == post && sdid.conformalUpper.count == post)
            #expect(zip(sdid.conformalLower, sdid.conformalUpper).allSatisfy { $0 < $1 })
            #expect(page.count(of: "vg-impact__band") == 1)
            #expect(
                page.body.contains(
                    sdid.verdict.isReliable
                        ? "\(ImpactPage.percent(sdid.relativeEffect)) against the weighted areas after the start" : "Not reliable"))
            // One method is read first, and the page says which and why.
            let preferred = try #require(stored.preferred)
            #expect(
                page.body.contains(preferred.reason.replacingOccurrences(of: "'", with: "&#39;")) || page.body.contains(preferred.reason))
            if let method = preferred.method { #expect(preferred.reason.hasPrefix("Read the \(method.name) first")) }
            #expect(page.body.contains(synthetic.verdict.isReliable ? "against the synthetic control after the start" : "Not reliable"))
            // Both p-values are explained, each with its own figures; the interval's p is read from the
            // placebos' effects, so its rank counts placebo areas with an effect as large.
            #expect(page.body.contains("What the interval and the p-values measure"))
            #expect(
                page.body.contains(
                    "Here the footprint ranks \(synthetic.ratioRank) of 13 (p = \(String(format: "%.3f", synthetic.ratioPValue)))"))
            #expect(abs(synthetic.pValue - Double(synthetic.rank) / 13) < 1e-12)
            let national = try await app.fetch("/impact")
            #expect(national.body.contains("/vanguards/1/impact/emergency_admissions"))
            let matched = try #require(stored.differenceInDifferences)
            #expect(national.body.contains("Matched comparison: \(matched.verdict.isReliable ? 1 : 0) of 1 reliable."))
            #expect(national.body.contains("Synthetic control: \(synthetic.verdict.isReliable ? 1 : 0) of 1 reliable."))
            // By care model, each wave a cohort: PACS (Wirral alone here) against the twelve areas.
            let waves = try await ImpactStore(on: app).waveImpacts()
            let pacs = try #require(waves.first { $0.careModel == .pacs && $0.metricCode == "emergency_admissions" }?.estimate)
            #expect(pacs.cohorts.map(\.areas) == [1] && pacs.comparisonAreas == 12)
            #expect(pacs.lower.count == pacs.eventQuarters.count && pacs.bootstrapReplications > 100)
            #expect(waves.contains { $0.careModel == .mcp && $0.notEstimable == "no area of a MCP vanguard reports this metric" })
            #expect(national.body.contains("By care model, each wave a cohort"))
            #expect(national.body.contains("1 areas from 2015-03, against 12 areas with no vanguard"))
            let wavesJSON = try #require(
                try JSONSerialization.jsonObject(with: Data(try await app.fetch("/api/v1/impact/waves").body.utf8)) as? [[String: Any]])
            #expect(wavesJSON.count == waves.count)
            let pacsJSON = try #require(wavesJSON.first { $0["care_model"] as? String == "pacs" }?["estimate"] as? [String: Any])
            #expect(abs((pacsJSON["overall_effect"] as? Double ?? 0) - pacs.overallEffect) < 1e-12)
            let dashboard = try await app.fetch("/vanguards/1/dashboard")
            #expect(dashboard.body.contains("Impact estimate: what would have happened without the vanguard"))
            // The API gives the same.
            let list = try await app.fetch("/api/v1/impact")
            let lines = try #require(try JSONSerialization.jsonObject(with: Data(list.body.utf8)) as? [[String: Any]])
            #expect(lines.count == 1 && lines[0]["metric_code"] as? String == "emergency_admissions")
            let line = try #require(lines[0]["synthetic_difference_in_differences"] as? [String: Any])
            #expect(abs((line["relative_effect"] as? Double ?? 0) - sdid.relativeEffect) < 1e-12)
            #expect(abs((line["p_value"] as? Double ?? -1) - sdid.conformalPValue) < 1e-12)
            #expect((lines[0]["preferred"] as? String) == preferred.method?.rawValue)
            #expect(national.body.contains("Synthetic DiD") && national.body.contains("Read first"))
            let detail = try await app.fetch("/api/v1/vanguards/1/impact/emergency_admissions")
            let synthJSON = try #require(try detail.json()["synthetic"] as? [String: Any])
            #expect(abs((synthJSON["relative_effect"] as? Double ?? 0) - synthetic.relativeEffect) < 1e-12)
            let sdidJSON = try #require(try detail.json()["synthetic_difference_in_differences"] as? [String: Any])
            #expect((sdidJSON["conformal_lower"] as? [Double])?.count == post)
            #expect(abs((sdidJSON["standard_error"] as? Double ?? 0) - sdid.standardError) < 1e-12)
            #expect((try detail.json()["preferred"] as? [String: Any])?["reason"] as? String == preferred.reason)
            #expect(try await app.fetch("/api/v1/vanguards/1/impact/ae_four_hour").status == .notFound)
        }
    }

    /// Returns from six months before the start only: the estimate is stored, and every method
    /// says on the page and in the API that it is not estimable, and why, instead of a number.
    /// A database whose estimates were fitted by the old methods gets them fitted again as it migrates.
    @Test func theRefitMigrationFitsStoredEstimatesAgain() async throws {
        try await TestApp.run { app in
            let registry = try await Self.load(app)
            _ = try await ImpactStore(on: app).recomputeAll(registry: registry)
            let fitted = try await ImpactStore(on: app).waveImpacts()
            #expect(!fitted.isEmpty)
            // As if from before the fix: the wave estimates are missing, the vanguard's is old.
            try await WaveImpactRecord.query(on: app.db).delete()
            try await ImpactRecord.query(on: app.db).set(\.$computedAt, to: Date(timeIntervalSince1970: 0)).update()
            try await Migration0028RefitImpactEstimates().prepare(on: app.db)
            #expect(try await ImpactStore(on: app).waveImpacts() == fitted)
            let refitted = try await ImpactRecord.query(on: app.db).all()
            #expect(!refitted.isEmpty && refitted.allSatisfy { $0.computedAt > Date(timeIntervalSince1970: 0) })
        }
    }

    @Test func tooShortAHistoryIsShownAsNotEstimableWithItsReason() async throws {
        try await TestApp.run { app in
            let registry = try await RegistryStore(on: app).registry()
            let metrics = try await ReturnsStore(on: app).metrics()
            let demo = DemoReturns(seed: 2015, registry: registry, metrics: metrics)
            let covered = Set(registry.footprints.map(\.areaCode))
            let areas = Set(["E38000208"] + registry.areas.map(\.code).filter { !covered.contains($0) }.prefix(6))
            let values = demo.values.filter {
                $0.metricCode == "emergency_admissions" && areas.contains($0.areaCode) && $0.period >= Month(year: 2014, month: 9)
            }
            _ = try await ReturnsStore(on: app).submit(values, fileName: "generated", by: .operatorAtCLI("test"))
            #expect(try await ImpactStore(on: app).recomputeAll(registry: registry) == 1)
            let page = try await app.fetch("/vanguards/1/impact/emergency_admissions")
            #expect(page.status == .ok)
            #expect(page.count(of: "Not estimable") == 3)
            #expect(page.body.contains("only 6 months of returns before the start (at least 12 are needed)"))
            #expect(page.body.contains("No estimate to read as an effect"))
            let detail = try await app.fetch("/api/v1/vanguards/1/impact/emergency_admissions").json()
            let reasons = try #require(detail["not_estimable"] as? [String: String])
            #expect(Set(reasons.keys) == ["synthetic_control", "synthetic_difference_in_differences", "difference_in_differences"])
            #expect(detail["synthetic_difference_in_differences"] == nil)
        }
    }

    @Test func acceptedReturnsQueueOneRefitThatAWorkerDoes() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            _ = try await Self.load(app)
            // MUT: a site lead's return through the API
            let csv = "area_code,metric_code,period,numerator,denominator\nE38000208,emergency_admissions,2019-03,2500,330000\n"
            let response = try await app.send(.POST, "/api/v1/returns", bearer: people.token, csv: csv)
            #expect(response.status == .created)
            // validate: the response did not wait: the refit is queued, once however often returns arrive.
            #expect(try await ImpactStore(on: app).impact(vanguard: 1, metric: "emergency_admissions") == nil)
            let again = "area_code,metric_code,period,numerator,denominator\nE38000208,emergency_admissions,2019-04,2400,330000\n"
            #expect(try await app.send(.POST, "/api/v1/returns", bearer: people.token, csv: again).status == .created)
            let queued = try await JobStore(on: app).jobs()
            #expect(queued.map(\.kind) == [.refitImpact] && queued.map(\.state) == [.pending])
            // Only the metric whose returns arrived is refitted.
            #expect(queued.map(\.key) == ["emergency_admissions"])
            // A worker (any server's) does it.
            #expect(try await app.jobWorker.runDue() == 1)
            #expect(try await ImpactStore(on: app).impact(vanguard: 1, metric: "emergency_admissions") != nil)
            #expect(try await JobStore(on: app).jobs().map(\.state) == [.done])
        }
    }
}
