/// The kinds of writing the programme shared in 2015, now in one place.
public enum PostKind: String, CaseIterable, Codable, Sendable {
    case blog
    case news
    case caseStudy = "case_study"
    case evaluationReport = "evaluation_report"

    public var name: String {
        switch self {
        case .blog: "Blog post"
        case .news: "News"
        case .caseStudy: "Case study"
        case .evaluationReport: "Evaluation report"
        }
    }
}
