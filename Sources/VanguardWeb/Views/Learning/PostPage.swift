import Foundation
import Plot
import VanguardCore

/// One post: its text, for a case study the live evidence for each metric it claims to move,
/// and its numbered comments.
enum PostPage {
    struct Evidence {
        let metric: Metric
        let evaluation: MetricEvaluation?
        let restOfEngland: MetricEvaluation?
        let impact: VanguardImpact?
    }

    struct Model {
        let post: Post
        let vanguardName: String?
        let innovationName: String?
        let categories: CategoryTree
        let evidence: [Evidence]
        let isGenerated: Bool
        let comments: [Comment]
        let viewer: UUID?
        let canEdit: Bool
        let now: Date
        var commentText = ""
        var commentError: String? = nil
        var notice: String? = nil
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        let post = model.post
        let content = post.content
        return Layout.document(
            title: content.title, context: context, breadcrumbs: [("Home", .home), ("Learning", .learning(.home))],
            body: .div(
                .class("nhsuk-grid-row"),
                .article(
                    .class("nhsuk-grid-column-two-thirds vg-post"),
                    .span(.class("nhsuk-caption-l"), .text(content.kind.name)),
                    .h1(.text(content.title)),
                    .unwrap(model.notice) { .div(.class("nhsuk-inset-text"), .p(.text($0))) },
                    status(post, now: model.now),
                    .if(!content.summary.isEmpty, .p(.class("nhsuk-lede-text"), .text(content.summary))),
                    .p(
                        .class("nhsuk-body-s"), .text(PostList.meta(post)), .text(" · revision \(post.revision) · "),
                        .a(.safeHref(SiteURL.learning(.revisions(post.slug)).path), .text("revisions"))),
                    .if(model.canEdit, .p(.a(.safeHref(SiteURL.learning(.editPost(post.slug)).path), .text("Edit this post")))),
                    .div(.class("vg-post__body"), .raw(post.html["body"])),
                    .unwrap(content.caseStudy) { parts in
                        .forEach(parts.sections) { section in
                            .section(
                                .class("vg-case-study__part"), .id(section.field), .h2(.text(section.heading)),
                                .div(.class("vg-post__body"), .raw(post.html[section.field])))
                        }
                    },
                    .if(!model.evidence.isEmpty, evidence(model)),
                    comments(model, context: context)
                ),
                .aside(
                    .class("nhsuk-grid-column-one-third"),
                    Components.summaryList(facts(model))
                )
            )
        )
    }

    static func status(_ post: Post, now: Date) -> Node<HTML.BodyContext> {
        switch post.status {
        case .draft: Components.warning("Draft", "Only its authors and the programme team can see this post.")
        case .deleted: Components.warning("Deleted", "This post has been withdrawn.")
        case .published where post.isScheduled(at: now):
            Components.warning("Scheduled", "This post will be published on \(DateText.short(post.publishAt!)).")
        case .published: .empty
        }
    }

    static func facts(_ model: Model) -> [(String, Node<HTML.BodyContext>)] {
        let content = model.post.content
        var rows: [(String, Node<HTML.BodyContext>)] = []
        if let number = content.vanguardNumber {
            rows.append(("Vanguard", .a(.safeHref(SiteURL.vanguard(number).path), .text(model.vanguardName ?? "Vanguard \(number)"))))
        }
        if let innovation = content.innovation, !innovation.isEmpty {
            rows.append(
                ("Innovation", .a(.safeHref(SiteURL.learning(.innovation(innovation)).path), .text(model.innovationName ?? innovation))))
        }
        if !content.categorySlugs.isEmpty {
            rows.append(
                (
                    "Categories",
                    .ul(
                        .class("nhsuk-list"),
                        .forEach(content.categorySlugs) { slug in
                            .li(.a(.safeHref(SiteURL.learning(.category(slug)).path), .text(model.categories.label(slug))))
                        })
                ))
        }
        if !content.careModels.isEmpty {
            rows.append(
                (
                    "Care models",
                    .group(
                        .forEach(content.careModels) { model in
                            .a(
                                .safeHref(SiteURL.learning(.careModel(model.rawValue)).path), .text(model.abbreviation),
                                .safeAttribute(named: "title", value: model.name))
                        })
                ))
        }
        if !content.workStreams.isEmpty {
            rows.append(
                (
                    "Work streams",
                    .group(
                        .forEach(content.workStreams.enumerated()) { index, tag in
                            .group(.if(index > 0, .text(", ")), .a(.safeHref(SiteURL.learning(.tag(tag.lowercased())).path), .text(tag)))
                        })
                ))
        }
        return rows
    }

    /// Each claimed metric's live chart for the vanguard, so the claim sits beside its evidence.
    static func evidence(_ model: Model) -> Node<HTML.BodyContext> {
        .section(
            .class("vg-evidence"), .id("evidence"),
            .h2(.text("The evidence, live")),
            .p(
                .text(
                    "This case study claims to move the metrics below. Each chart is the vanguard's monthly returns with statistical process control limits, against the rest of England, as they stand today\(model.isGenerated ? " (generated data: these figures are generated for demonstration and are not real NHS data)" : "")."
                )),
            .forEach(model.evidence) { item in
                .div(
                    .class("vg-metric"),
                    .h3(.text(item.metric.name + (model.isGenerated ? " (generated)" : ""))),
                    .unwrap(
                        item.evaluation,
                        { evaluation in
                            .group(
                                .div(
                                    .class("vg-spc-wrap"),
                                    .raw(
                                        SPCChartSVG.svg(
                                            evaluation: evaluation, title: "\(item.metric.name), monthly, with process limits",
                                            comparison: item.restOfEngland, target: item.metric.target))),
                                .p(.class("nhsuk-body-s"), .text(headline(evaluation, restOfEngland: item.restOfEngland)))
                            )
                        }, else: .p(.text("No returns yet for this metric from this vanguard: the claim has no evidence beside it."))),
                    .unwrap(item.impact?.synthetic) { synthetic in
                        .p(
                            .class("nhsuk-body-s"),
                            .text(
                                "Impact estimate (synthetic control): \(ImpactChartSVG.percent(synthetic.relativeEffect)) against what would have happened without the vanguard, interval \(ImpactChartSVG.percent(synthetic.lower)) to \(ImpactChartSVG.percent(synthetic.upper))"
                            ),
                            .text(synthetic.verdict.isReliable ? ". " : " — not reliable: \(synthetic.verdict.reason). "),
                            .a(
                                .safeHref(SiteURL.impactEstimate(model.post.content.vanguardNumber ?? 0, item.metric.code).path),
                                .text("The estimate in full")))
                    },
                    .unwrap(model.post.content.vanguardNumber) { number in
                        .p(
                            .class("nhsuk-body-s"),
                            .a(.safeHref(SiteURL.dashboard(number).path + "#" + item.metric.code), .text("On the vanguard's dashboard")))
                    }
                )
            }
        )
    }

    static func headline(_ evaluation: MetricEvaluation, restOfEngland: MetricEvaluation?) -> String {
        var text =
            "Latest: \(evaluation.rates.last.map(SPCChartSVG.format) ?? "–") (\(evaluation.months.last.map(\.description) ?? "no months"))."
        if evaluation.changeAgainstBaseline != nil {
            text +=
                " Change against 2014/15: \(VanguardDashboardPage.change(evaluation)); the rest of England \(VanguardDashboardPage.change(restOfEngland))."
        }
        return text
    }

}
