import Foundation
import VanguardCore
import Vapor

/// A post form as submitted; checkbox groups arrive as arrays.
struct PostForm: Content {
    var kind: String?
    var title: String?
    var summary: String?
    var body: String?
    var problem: String?
    var whatChanged: String?
    var results: String?
    var cost: String?
    var contacts: String?
    var vanguard: String?
    var innovation: String?
    var workStreams: String?
    var status: String?
    var publishAt: String?
    var categories: [String]?
    var careModels: [String]?
    var metrics: [String]?

    enum CodingKeys: String, CodingKey {
        case kind, title, summary, body, problem, results, cost, contacts, vanguard, innovation, status, categories, metrics
        case whatChanged = "what_changed"
        case workStreams = "work_streams"
        case publishAt = "publish_at"
        case careModels = "care_models"
    }

    init(_ post: Post) {
        let content = post.content
        kind = content.kind.rawValue
        title = content.title
        summary = content.summary
        body = content.body
        problem = content.caseStudy?.problem
        whatChanged = content.caseStudy?.whatChanged
        results = content.caseStudy?.results
        cost = content.caseStudy?.cost
        contacts = content.caseStudy?.contacts
        vanguard = content.vanguardNumber.map(String.init)
        innovation = content.innovation
        workStreams = content.workStreams.joined(separator: ", ")
        status = post.status == .draft ? "draft" : "published"
        publishAt = post.publishAt.map(CalendarText.editable)
        categories = content.categorySlugs
        careModels = content.careModels.map(\.rawValue)
        metrics = content.metricCodes
    }

    init() {}

    /// The content, status and time the form asks for, or every problem by field.
    func read() -> Result<(content: PostContent, status: PostStatus, publishAt: Date?), FieldErrors> {
        var reading = FormReading()
        let kind =
            PostKind(rawValue: kind ?? "")
            ?? {
                reading.note("kind", "Choose the kind of post")
                return .blog
            }()
        let vanguardNumber = (vanguard ?? "").isEmpty ? nil : Int(vanguard ?? "")
        if vanguardNumber == nil, !(vanguard ?? "").isEmpty { reading.note("vanguard", "Choose a vanguard from the list") }
        var models: [CareModel] = []
        for code in careModels ?? [] {
            guard let model = CareModel(rawValue: code) else { reading.note("care_models", "'\(code)' is not a care model"); continue }
            models.append(model)
        }
        let status: PostStatus = self.status == "published" ? .published : .draft
        var publishDate: Date?
        if let text = publishAt?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            publishDate = CalendarText.parseDateTime(text)
            if publishDate == nil { reading.note("publish_at", "Give the time as YYYY-MM-DD HH:MM, e.g. 2026-12-07 09:00") }
        }
        func text(_ value: String?) -> String { (value ?? "").replacingOccurrences(of: "\r\n", with: "\n") }
        let parts =
            kind == .caseStudy
            ? CaseStudyParts(
                problem: text(problem), whatChanged: text(whatChanged), results: text(results), cost: text(cost), contacts: text(contacts))
            : nil
        let streams = (workStreams ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let content = PostContent(
            kind: kind, title: text(title).trimmingCharacters(in: .whitespacesAndNewlines),
            summary: text(summary).trimmingCharacters(in: .whitespacesAndNewlines),
            body: text(body), caseStudy: parts, vanguardNumber: vanguardNumber, categorySlugs: categories ?? [], careModels: models,
            workStreams: streams, innovation: (innovation ?? "").isEmpty ? nil : innovation,
            metricCodes: kind == .caseStudy ? (metrics ?? []) : []
        )
        return reading.result((content, status, publishDate))
    }
}
