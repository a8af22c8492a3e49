import Foundation
import Testing
import VanguardCore
import VanguardStore
import VaporTesting

@testable import VanguardWeb

/// A funding round through the pages each person uses: one plan per place, every partner signs
/// the exact version, money only to eligible plans and only when the evidence meets the condition.
@Suite struct FundingFlowTests {
    typealias Person = SelectionFlowTests.Person

    /// Wirral's six partners in the registry, each of which signs its plan.
    static let partners = [
        "Wirral University Hospital NHS FT", "NHS Wirral CCG", "Wirral MBC", "Cheshire and Wirral Partnership NHS FT",
        "Wirral Community NHS Trust", "Wirral GPs",
    ].map { Organisation.slug(for: $0) }

    static let roundForm = [
        "name": "Transformation funding 2017/18", "pot": "£10,000,000", "opens_on": "2017-04-01", "closes_on": "2017-06-30",
        "transformation_percent": "60", "variance_threshold": "10", "guidance": "One plan per place.",
        "conditions": "Later tranches depend on emergency admissions growth against the rest of England.",
    ]

    static func planForm(objectives: String = "Fewer emergency admissions through integrated care.", partners: [String] = partners)
        -> [String: String]
    {
        [
            "title": "Wirral integrated care plan", "objectives": objectives, "commitments": "emergency_admissions | -3",
            "years": "2017 | 1,000,000 | 2,000,000", "spend_profile": "2017/18 Q1 | 1,500,000\n2017/18 Q2 | 1,500,000",
            "partners": partners.joined(separator: "\n"),
        ]
    }

    /// Two years of emergency admissions: Wirral (vanguard 1) falls 5%, an area outside every vanguard rises 1%.
    static func evidence(in app: Application) async throws {
        let registry = try await RegistryStore(on: app).registry()
        let covered = Set(registry.footprints.map(\.areaCode))
        let outside = try #require(registry.areas.first { !covered.contains($0.code) }).code
        var values: [ReturnValue] = []
        for offset in 0..<24 {
            let month = Month(year: 2014, month: 4).adding(months: offset)
            values.append(
                ReturnValue(
                    areaCode: "E38000208", metricCode: "emergency_admissions", period: month, numerator: offset < 12 ? 1000 : 950,
                    denominator: 320_000))
            values.append(
                ReturnValue(
                    areaCode: outside, metricCode: "emergency_admissions", period: month, numerator: offset < 12 ? 1000 : 1010,
                    denominator: 300_000))
        }
        _ = try await ReturnsStore(on: app).submit(values, fileName: "evidence.csv", by: .operatorAtCLI("test"))
        try await EvaluationStore(on: app).recomputeAll(registry: registry)
    }

    @Test func aRoundRunsFromPlanToReleaseAndSpend() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            try await Self.evidence(in: app)
            let signatories = try await Self.partners.enumerated().asyncMap { index, slug in
                try await Person.make("signatory\(index)", role: .partnerSignatory, scope: .organisation(slug), in: app)
            }
            let store = FundingStore(on: app)

            // The programme team opens the round.
            #expect(try await people.send(app, .programmeTeam, .POST, "/funding/new", form: Self.roundForm).status == .seeOther)
            let round = try #require(try await store.rounds().first)
            #expect(round.potPounds == 10_000_000 && round.expectedTransformationPercent == 60)

            // A member cannot start vanguard 1's plan; its site lead can, once.
            #expect(
                try await people.send(app, .member, .POST, "/funding/\(round.id.uuidString)/plans", form: ["vanguard": "1"]).status
                    == .forbidden)
            #expect(
                try await people.send(app, .siteLead, .POST, "/funding/\(round.id.uuidString)/plans", form: ["vanguard": "1"]).status
                    == .seeOther)
            let again = try await people.send(app, .programmeTeam, .POST, "/funding/\(round.id.uuidString)/plans", form: ["vanguard": "1"])
            #expect(again.status == .badRequest && again.body.contains("one plan per place per round"))
            // Wirral's area listed as a partnership is the same place: refused, whatever it is called.
            let disguised = try await people.send(
                app, .member, .POST, "/funding/\(round.id.uuidString)/plans", form: ["areas": "E38000208 E38000143"])
            #expect(disguised.status == .badRequest && disguised.body.contains("E38000208 is already in vanguard 1"))
            #expect(try await store.plans(round: round.id).count == 1)
            // A partnership elsewhere may start its plan; another over one of its areas may not.
            #expect(
                try await people.send(app, .member, .POST, "/funding/\(round.id.uuidString)/plans", form: ["areas": "E38000007"]).status
                    == .seeOther)
            let overlapping = try await people.send(
                app, .assessor, .POST, "/funding/\(round.id.uuidString)/plans", form: ["areas": "E38000007, E38000014"])
            #expect(overlapping.status == .badRequest && overlapping.body.contains("E38000007 is already in another partnership"))
            let planID = try #require(try await store.plans(round: round.id).first { $0.place == .vanguard(1) }?.id)
            let path = "/funding/plans/\(planID.uuidString)"

            // The plan starts with the registry's partners as its signers, and the lead cannot drop any.
            #expect(try await store.plan(planID)?.plan.current.content.partners.sorted() == Self.partners.sorted())
            let chosen = try await people.send(app, .siteLead, .POST, path, form: Self.planForm(partners: Array(Self.partners.prefix(2))))
            #expect(chosen.status == .badRequest)
            #expect(
                chosen.body.contains(
                    "Cheshire and Wirral Partnership NHS FT, Wirral Community NHS Trust, Wirral GPs, Wirral MBC are partners of this vanguard in the registry and sign its plan; they cannot be left out"
                ))
            #expect(try await store.plan(planID)?.plan.current.number == 1)

            // The lead writes it (version 2); every partner but Wirral MBC signs: not eligible, and no money.
            #expect(try await people.send(app, .siteLead, .POST, path, form: Self.planForm()).status == .seeOther)
            for (index, signatory) in signatories.enumerated() where index != 2 {
                #expect(
                    try await signatory.send(app, .POST, path + "/sign", form: ["organisation": Self.partners[index], "version": "2"])
                        .status == .seeOther)
            }
            // Someone who signs for another organisation cannot sign for the third.
            let wrong = try await signatories[0].send(app, .POST, path + "/sign", form: ["organisation": Self.partners[2], "version": "2"])
            #expect(wrong.status == .badRequest && wrong.body.contains("You are not a signatory"))
            var plan = try #require(try await store.plan(planID)?.plan)
            #expect(plan.signOff.signed.count == 5 && !plan.isEligible)
            let early = try await people.send(
                app, .programmeTeam, .POST, path + "/allocate", form: ["quarter_0": "2017/18 Q1", "pounds_0": "1,500,000"])
            #expect(early.status == .badRequest && early.body.contains("The plan is not eligible: Wirral MBC has not signed version 2"))

            // An edit clears the signatures; a signature of the old version is refused.
            #expect(
                try await people.send(app, .siteLead, .POST, path, form: Self.planForm(objectives: "Fewer admissions, shorter stays."))
                    .status == .seeOther)
            plan = try #require(try await store.plan(planID)?.plan)
            #expect(plan.current.number == 3 && plan.signOff.signed.isEmpty)
            #expect(try await app.fetch(path).body.contains("changed objectives since version 2"))
            // Each signatory is told, with what changed.
            let mail = try await AccountStore(on: app).outbox().filter { $0.recipient == "signatory2@example.nhs.uk" }
            #expect(
                mail.map(\.subject) == [
                    "A funding plan waits for your signature: version 3", "A funding plan waits for your signature: version 2",
                ])
            #expect(mail.first?.body.contains("it changed: objectives. Earlier signatures no longer count.") == true)
            #expect(mail.first?.body.contains("names Wirral MBC as a partner") == true)
            let stale = try await signatories[2].send(app, .POST, path + "/sign", form: ["organisation": Self.partners[2], "version": "2"])
            #expect(stale.status == .badRequest && stale.body.contains("superseded by version 3"))
            for (index, signatory) in signatories.enumerated() {
                #expect(
                    try await signatory.send(app, .POST, path + "/sign", form: ["organisation": Self.partners[index], "version": "3"])
                        .status == .seeOther)
            }
            #expect(try await store.plan(planID)?.plan.isEligible == true)

            // Bad allocations change nothing.
            for (form, reason) in [
                (["quarter_0": "2017/18 Q1", "pounds_0": "-5"], "cannot be negative"),
                (["quarter_0": "2017/18 Q1", "pounds_0": "lots"], "whole pounds"),
                (["quarter_0": "2017/18 Q1", "pounds_0": "20,000,000"], "more than the £10,000,000 left in the pot"),
                (
                    ["quarter_0": "2017/18 Q1", "pounds_0": "1", "condition_0": "not_concern", "metric_0": "bed_days"],
                    "bed_days is not a metric"
                ),
            ] {
                let refused = try await people.send(app, .programmeTeam, .POST, path + "/allocate", form: form)
                #expect(refused.status == .badRequest && refused.body.contains(reason), "\(reason)")
            }
            #expect(try await store.tranches(plan: planID).isEmpty)
            #expect(FundingPosition(try await store.ledger(round: round.id)).allocated == 0)

            // Three tranches: unconditional; July 2017's rule (3 points, met: −5% against +1%); 10 points (not met).
            let allocation = [
                "quarter_0": "2017/18 Q1", "pounds_0": "1,000,000",
                "quarter_1": "2017/18 Q2", "pounds_1": "1,000,000", "condition_1": "growth", "metric_1": "emergency_admissions",
                "points_1": "3",
                "quarter_2": "2017/18 Q3", "pounds_2": "1,000,000", "condition_2": "growth", "metric_2": "emergency_admissions",
                "points_2": "10",
            ]
            #expect(try await people.send(app, .programmeTeam, .POST, path + "/allocate", form: allocation).status == .seeOther)
            let tranches = try await store.tranches(plan: planID)
            #expect(tranches.map(\.pounds) == [1_000_000, 1_000_000, 1_000_000])
            for tranche in tranches {
                #expect(
                    try await people.send(app, .programmeTeam, .POST, path + "/release", form: ["tranche": tranche.id.uuidString]).status
                        == .seeOther)
            }
            let after = try await store.tranches(plan: planID)
            #expect(after.map(\.status) == [.released, .released, .held])
            let checks = try await store.checks(plan: planID)
            #expect(
                checks[tranches[1].id]?.first?.evidence
                    == "Met. Change against 2014/15: -5% here, +1% in the rest of England: 6 points below, against the 3 required.")
            #expect(checks[tranches[2].id]?.first?.isMet == false)
            let roundLedger = try await store.ledger(round: round.id)
            #expect(FundingPosition(roundLedger) == FundingPosition(try await store.ledger(plan: planID)))
            #expect(FundingPosition(try await store.ledger(plan: planID)).released == 2_000_000)

            // An override needs its reason, and is recorded; a reversal puts a release right.
            #expect(
                try await people.send(
                    app, .programmeTeam, .POST, path + "/release",
                    form: ["tranche": tranches[2].id.uuidString, "override": "Winter pressures: agreed by the programme board"]
                ).status == .seeOther)
            let ledger = try await store.ledger(plan: planID)
            #expect(ledger.last?.reason == "Released by override: Winter pressures: agreed by the programme board")
            let release = try #require(ledger.first { $0.kind == .release && $0.trancheID == tranches[2].id })
            // Each reversal button says which quarter's money it undoes.
            let planPage = try await people.send(app, .programmeTeam, .GET, path)
            #expect(planPage.body.contains("Reverse the release of \(Pounds.text(release.pounds)) for \(tranches[2].quarter)"))
            #expect(
                try await people.send(app, .programmeTeam, .POST, path + "/reverse", form: ["entry": release.id.uuidString, "reason": ""])
                    .status == .badRequest)
            #expect(
                try await people.send(
                    app, .programmeTeam, .POST, path + "/reverse",
                    form: ["entry": release.id.uuidString, "reason": "Board decision withdrawn"]
                ).status == .seeOther)
            #expect(FundingPosition(try await store.ledger(plan: planID)).released == 2_000_000)
            #expect(try await store.tranches(plan: planID).last?.status == .held)
            #expect(try await store.ledger(plan: planID).count == 5)  // allocation, 3 releases, 1 reversal: nothing edited

            // Spend returns: not for a quarter yet to begin; a resubmission keeps the earlier one.
            let future = try await people.send(
                app, .siteLead, .POST, path + "/spend",
                form: ["quarter": "2040/41 Q1", "sustainability": "1", "transformation": "1", "narrative": "n"])
            #expect(future.status == .badRequest && future.body.contains("has not begun"))
            for (transformation, narrative) in [("900,000", "First return"), ("1,300,000", "Corrected: late invoices")] {
                #expect(
                    try await people.send(
                        app, .siteLead, .POST, path + "/spend",
                        form: [
                            "quarter": "2017/18 Q1", "sustainability": "400,000", "transformation": transformation, "narrative": narrative,
                        ]
                    ).status == .seeOther)
            }
            #expect(try await store.spendReturns(plan: planID).map(\.narrative) == ["First return", "Corrected: late invoices"])
            let page = try await app.fetch(path)
            #expect(page.body.contains("+13.3%") && page.body.contains("Over threshold") && page.body.contains("(earlier return)"))
            let dashboard = try await app.fetch("/funding/\(round.id.uuidString)")
            #expect(dashboard.body.contains("£3,000,000") && dashboard.body.contains("£2,000,000") && dashboard.body.contains("£1,700,000"))
            #expect(dashboard.body.contains("2017/18 Q2, due by 1 November 2017"))  // profiled, allocated, no return: late
            let moves = try await AuditLog.entries(matching: .init(entity: "funding_ledger"), on: app.db).map(\.action)
            #expect(moves.sorted() == ["allocation", "release", "release", "release", "reversal"])
        }
    }

    /// An eligible plan made through the store, for tests about what happens next.
    static func eligiblePlan(in app: Application) async throws -> (FundingRound, UUID) {
        let store = FundingStore(on: app)
        let round = FundingRound(
            id: UUID(), name: "2017/18", potPounds: 5_000_000, opensOn: CalendarDate(year: 2017, month: 4, day: 1),
            closesOn: CalendarDate(year: 2017, month: 6, day: 30), guidance: "", expectedTransformationPercent: 60, conditions: "")
        try await store.create(round, by: .operatorAtCLI("test"))
        let lead = try #require(try await AccountStore(on: app).account(email: "sitelead@example.nhs.uk"))
        let form = planForm()
        let content = FundingPlanContent(
            title: form["title"]!, objectives: form["objectives"]!,
            commitments: [MetricCommitment(metricCode: "emergency_admissions", changePercent: -3)],
            years: [.init(year: 2017, sustainabilityPounds: 1_000_000, transformationPounds: 2_000_000)], spendProfile: [],
            partners: partners)
        let id = try await store.startPlan(round: round, place: .vanguard(1), content: content, lead: lead.id, by: .operatorAtCLI("test"))
        for slug in partners {
            try await store.sign(
                id, version: 1, organisation: slug, signatory: lead.id, signatoryName: "Signatory of \(slug)", by: .operatorAtCLI("test"))
        }
        return (round, id)
    }

    /// A partnership has no partners in the registry: whoever its lead names signs only once the
    /// programme team has confirmed them as the place's organisations.
    @Test func aPartnershipsPartnersAreConfirmedByTheProgrammeTeam() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let named = Array(Self.partners.prefix(2))
            let signatories = try await named.enumerated().asyncMap { index, slug in
                try await Person.make("signatory\(index)", role: .partnerSignatory, scope: .organisation(slug), in: app)
            }
            let store = FundingStore(on: app)
            #expect(try await people.send(app, .programmeTeam, .POST, "/funding/new", form: Self.roundForm).status == .seeOther)
            let round = try #require(try await store.rounds().first)
            #expect(
                try await people.send(app, .member, .POST, "/funding/\(round.id.uuidString)/plans", form: ["areas": "E38000007"]).status
                    == .seeOther)
            let planID = try #require(try await store.plans(round: round.id).first?.id)
            let path = "/funding/plans/\(planID.uuidString)"
            #expect(try await people.send(app, .member, .POST, path, form: Self.planForm(partners: named)).status == .seeOther)
            for (index, signatory) in signatories.enumerated() {
                #expect(
                    try await signatory.send(app, .POST, path + "/sign", form: ["organisation": named[index], "version": "2"]).status
                        == .seeOther)
            }
            // Both signed, but nobody has said they are the place's partners.
            let page = try await app.fetch(path)
            #expect(page.body.contains("Not eligible until the programme team confirms every partner and every partner signs this version"))
            #expect(page.body.contains("Not in the registry as partners of this place: Wirral University Hospital NHS FT, NHS Wirral CCG."))
            let early = try await people.send(
                app, .programmeTeam, .POST, path + "/allocate", form: ["quarter_0": "2017/18 Q1", "pounds_0": "1,000"])
            #expect(early.status == .badRequest)
            #expect(
                early.body.contains(
                    "The plan is not eligible: the programme team has not confirmed Wirral University Hospital NHS FT, NHS Wirral CCG as partners of the place"
                ))
            // The lead cannot confirm their own list; the programme team can, and the plan is eligible.
            #expect(try await people.send(app, .member, .POST, path + "/confirm-partners", form: [:]).status == .forbidden)
            #expect(try await people.send(app, .programmeTeam, .POST, path + "/confirm-partners", form: [:]).status == .seeOther)
            let plan = try #require(try await store.plan(planID)?.plan)
            #expect(plan.confirmedPartners == Set(named) && plan.isEligible)
            let again = try await people.send(app, .programmeTeam, .POST, path + "/confirm-partners", form: [:])
            #expect(again.status == .badRequest && again.body.contains("Every partner of this plan is already confirmed"))
        }
    }

    @Test func conditionsAreComposedAndValidatedThroughTheAPI() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            try await Self.evidence(in: app)
            let (round, plan) = try await Self.eligiblePlan(in: app)
            let path = "/api/v1/funding/plans/\(plan.uuidString)/allocation"
            for (json, reason) in [
                (
                    #"{"tranches":[{"quarter":"2017/18 Q1","pounds":1000,"condition":{"kind":"latest_point_not_concern","metric":"bed_days"}}]}"#,
                    "bed_days is not a metric in the framework"
                ),
                (
                    #"{"tranches":[{"quarter":"2017/18 Q1","pounds":1000,"condition":{"kind":"vibes","metric":"emergency_admissions"}}]}"#,
                    "is not a condition: growth_below_rest_of_england or latest_point_not_concern"
                ),
                (#"{"tranches":[{"quarter":"Q1","pounds":1000}]}"#, "tranches[0].quarter"),
                (
                    #"{"tranches":[{"quarter":"2017/18 Q1","pounds":1000,"condition":{"kind":"latest_point_not_concern","metric":"care_home_admissions"}}]}"#,
                    "care_home_admissions is not among the metrics of integrated primary and acute care systems, the plan's care model, so the condition could never be met"
                ),
                (#"{"tranches":[{"quarter":"2017/18 Q1","pounds":9000000}]}"#, "more than the £5,000,000 left in the pot"),
            ] {
                let refused = try await people.send(app, .programmeToken, .POST, path, json: json)
                #expect(refused.status == .badRequest && refused.body.contains(reason), "\(reason): \(refused.body)")
            }
            #expect(try await people.send(app, .token, .POST, path, json: #"{"tranches":[]}"#).status == .forbidden)
            let json =
                #"{"tranches":[{"quarter":"2017/18 Q1","pounds":1000000,"condition":null},{"quarter":"2017/18 Q2","pounds":1000000,"condition":{"kind":"growth_below_rest_of_england","metric":"emergency_admissions","points":3}}]}"#
            let created = try await people.send(app, .programmeToken, .POST, path, json: json)
            #expect(created.status == .created)
            let tranches = try #require(try JSONSerialization.jsonObject(with: Data(created.body.utf8)) as? [[String: Any]])
            #expect(tranches.count == 2 && tranches[1]["condition_met"] as? Bool == true)
            #expect((tranches[1]["condition"] as? [String: Any])?["kind"] as? String == "growth_below_rest_of_england")
            let detail = try await app.fetch("/api/v1/funding/rounds/\(round.id.uuidString)").json()
            let plans = try #require(detail["plans"] as? [[String: Any]])
            #expect(plans.first?["eligible"] as? Bool == true && plans.first?["allocated_pounds"] as? Int == 2_000_000)
        }
    }

    /// A negative amount is one problem among others, not the only one said.
    @Test func everyProblemOfAFormIsNamedAtOnce() async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            let (_, plan) = try await Self.eligiblePlan(in: app)
            var form = Self.planForm()
            form["years"] = "2017 | -5 | 1,000"
            form["title"] = ""
            form["objectives"] = ""
            let refused = try await people.send(app, .siteLead, .POST, "/funding/plans/\(plan.uuidString)", form: form)
            #expect(refused.status == .badRequest)
            for reason in ["Line 1: write financial year", "Give the plan a title", "Write the plan's objectives"] {
                #expect(refused.body.contains(reason), "\(reason)")
            }
            #expect(!refused.body.contains("The spend profile adds up to"))
            let spend = try await people.send(
                app, .siteLead, .POST, "/funding/plans/\(plan.uuidString)/spend",
                form: ["quarter": "2017/18 Q1", "sustainability": "-5", "transformation": "", "narrative": ""])
            #expect(spend.status == .badRequest)
            for reason in ["The amount cannot be negative", "Give the amount spent, in whole pounds", "Say in words what the money did"] {
                #expect(spend.body.contains(reason), "\(reason)")
            }
        }
    }

    @Test(arguments: [
        ("pot", "-1", "cannot be negative"), ("pot", "ten", "whole pounds"), ("closes_on", "2017-01-01", "must close after it opens"),
        ("transformation_percent", "120", "from 0 to 100"),
    ])
    func badRoundsAreNamedAndNothingIsSaved(field: String, value: String, reason: String) async throws {
        try await TestApp.run { app in
            let people = try await People.make(in: app)
            var form = Self.roundForm
            form[field] = value
            let response = try await people.send(app, .programmeTeam, .POST, "/funding/new", form: form)
            #expect(response.status == .badRequest && response.body.contains(reason), "\(reason)")
            #expect(try await FundingStore(on: app).rounds().isEmpty)
        }
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
