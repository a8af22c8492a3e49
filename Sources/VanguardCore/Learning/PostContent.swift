import Foundation

/// What an author writes: one revision of a post. Every save keeps the previous revision.
public struct PostContent: Codable, Sendable, Equatable {
    public var kind: PostKind
    public var title: String
    public var summary: String
    /// Markdown; for a case study, an introduction before its fixed parts.
    public var body: String
    public var caseStudy: CaseStudyParts?
    /// The vanguard the post is about; case studies must name one.
    public var vanguardNumber: Int?
    public var categorySlugs: [String]
    public var careModels: [CareModel]
    /// Free tags for work streams ("workforce", "digital").
    public var workStreams: [String]
    /// The catalogue slug of the innovation a case study describes.
    public var innovation: String?
    /// The metric codes a case study claims to move; its page shows their live charts.
    public var metricCodes: [String]

    public init(
        kind: PostKind, title: String, summary: String, body: String, caseStudy: CaseStudyParts? = nil, vanguardNumber: Int? = nil,
        categorySlugs: [String] = [], careModels: [CareModel] = [], workStreams: [String] = [], innovation: String? = nil,
        metricCodes: [String] = []
    ) {
        self.kind = kind
        self.title = title
        self.summary = summary
        self.body = body
        self.caseStudy = caseStudy
        self.vanguardNumber = vanguardNumber
        self.categorySlugs = categorySlugs
        self.careModels = careModels
        self.workStreams = workStreams
        self.innovation = innovation
        self.metricCodes = metricCodes
    }

    public static let maximumTitleLength = 200
    public static let maximumSummaryLength = 500
    /// About 15,000 words: longer than any case study of the time, short enough to read in one sitting.
    public static let maximumMarkdownLength = 100_000

    /// Every Markdown field with its form field name.
    public var markdownFields: [(field: String, markdown: String)] {
        [("body", body)] + (caseStudy?.sections.map { ($0.field, $0.markdown) } ?? [])
    }

    /// Everything wrong with the revision, each naming its field; empty when it can be saved.
    public func problems(knownMetrics: Set<String>, knownCategories: Set<String>, knownInnovations: Set<String> = []) -> [ValidationError] {
        var problems: [ValidationError] = []
        func note(_ field: String, _ reason: String) { problems.append(.invalid(field: field, reason: reason)) }
        let trimmedTitle = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmedTitle.isEmpty { note("title", "Give the post a title") }
        if title.count > Self.maximumTitleLength {
            note("title", "Keep the title to \(Self.maximumTitleLength) characters (it has \(title.count))")
        }
        if summary.count > Self.maximumSummaryLength {
            note("summary", "Keep the summary to \(Self.maximumSummaryLength) characters (it has \(summary.count))")
        }
        for (field, markdown) in markdownFields {
            if markdown.count > Self.maximumMarkdownLength {
                note(field, "Too long: \(markdown.count) characters, the limit is \(Self.maximumMarkdownLength)")
            }
            for url in SafeMarkdown.html(from: markdown).refusedURLs {
                note(
                    field, "The link '\(url.prefix(60))' is not allowed: links must start http:, https:, mailto: or / (a page on this site)"
                )
            }
        }
        if kind == .caseStudy {
            if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, summary.isEmpty {
                note("summary", "Give the case study a summary")
            }
            if vanguardNumber == nil { note("vanguard", "A case study names the vanguard it comes from") }
            if metricCodes.isEmpty {
                note("metrics", "A case study names at least one metric it claims to move, so its evidence can sit beside it")
            }
            for section in caseStudy?.sections ?? [] where section.markdown.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                note(section.field, "A case study needs '\(section.heading)'")
            }
            if caseStudy == nil { note("problem", "A case study needs its five parts") }
        } else if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            note("body", "Write the post")
        }
        for code in metricCodes where !knownMetrics.contains(code) { note("metrics", "'\(code)' is not a metric in the framework") }
        for slug in categorySlugs where !knownCategories.contains(slug) { note("categories", "'\(slug)' is not a category") }
        if let innovation, !knownInnovations.contains(innovation) {
            note("innovation", "'\(innovation)' is not in the innovations catalogue")
        }
        for tag in workStreams where tag.count > 40 || tag.isEmpty { note("work_streams", "Keep each work stream tag to 40 characters") }
        return problems
    }

    /// The changes from an earlier revision, in words, for the revision list.
    public func changes(from earlier: PostContent) -> [String] {
        var changes: [String] = []
        if title != earlier.title { changes.append("title") }
        if summary != earlier.summary { changes.append("summary") }
        if body != earlier.body { changes.append("text") }
        if caseStudy != earlier.caseStudy { changes.append("case study parts") }
        if categorySlugs != earlier.categorySlugs || careModels != earlier.careModels || workStreams != earlier.workStreams {
            changes.append("categories and tags")
        }
        if metricCodes != earlier.metricCodes || innovation != earlier.innovation { changes.append("claimed innovation and metrics") }
        if kind != earlier.kind || vanguardNumber != earlier.vanguardNumber { changes.append("kind or vanguard") }
        return changes
    }

    /// The post's words without markup, for search and digests.
    public var plainText: String {
        ([summary] + markdownFields.map { SafeMarkdown.plainText(from: $0.markdown) }).filter { !$0.isEmpty }.joined(separator: " ")
    }
}
