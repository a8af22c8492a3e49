/// A category in the nested list (e.g. Commissioning and Procurement › Vanguard).
public struct PostCategory: Codable, Sendable, Equatable, Hashable {
    public let slug: String
    public let name: String
    public let parentSlug: String?

    public init(slug: String, name: String, parentSlug: String?) {
        self.slug = slug
        self.name = name
        self.parentSlug = parentSlug
    }

    /// The categories the learning space starts with, after the headings writing of 2015 used.
    public static let starting: [PostCategory] = [
        .init(slug: "commissioning-and-procurement", name: "Commissioning and Procurement", parentSlug: nil),
        .init(slug: "commissioning-vanguard", name: "Vanguard", parentSlug: "commissioning-and-procurement"),
        .init(slug: "contracting", name: "Contracting", parentSlug: "commissioning-and-procurement"),
        .init(slug: "acute", name: "Acute", parentSlug: nil),
        .init(slug: "acute-urgent-and-emergency-care", name: "Urgent and emergency care", parentSlug: "acute"),
        .init(slug: "acute-collaboration", name: "Acute collaboration", parentSlug: "acute"),
        .init(slug: "primary-and-community-care", name: "Primary and community care", parentSlug: nil),
        .init(slug: "care-homes", name: "Care homes", parentSlug: "primary-and-community-care"),
        .init(slug: "workforce", name: "Workforce", parentSlug: nil),
        .init(slug: "digital", name: "Digital and technology", parentSlug: nil),
        .init(slug: "evaluation", name: "Evaluation", parentSlug: nil),
    ]
}

/// The nested categories as a tree: each one's trail from the top, and everything beneath it.
public struct CategoryTree: Sendable {
    public let categories: [PostCategory]
    let bySlug: [String: PostCategory]

    public init(_ categories: [PostCategory]) {
        self.categories = categories
        self.bySlug = Dictionary(categories.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func category(_ slug: String) -> PostCategory? { bySlug[slug] }

    /// From the top category down to this one.
    public func trail(to slug: String) -> [PostCategory] {
        var trail: [PostCategory] = []
        var next = bySlug[slug]
        while let category = next, !trail.contains(category) {
            trail.insert(category, at: 0)
            next = category.parentSlug.flatMap { bySlug[$0] }
        }
        return trail
    }

    /// The category and every category nested under it.
    public func descendants(of slug: String) -> Set<String> {
        var found: Set<String> = [slug]
        var frontier = [slug]
        while let parent = frontier.popLast() {
            for child in categories where child.parentSlug == parent && !found.contains(child.slug) {
                found.insert(child.slug)
                frontier.append(child.slug)
            }
        }
        return found
    }

    public func children(of slug: String?) -> [PostCategory] {
        categories.filter { $0.parentSlug == slug }.sorted { $0.name < $1.name }
    }

    /// "Commissioning and Procurement › Vanguard".
    public func label(_ slug: String) -> String {
        trail(to: slug).map(\.name).joined(separator: " › ")
    }

    /// Why a new category cannot be added, or nil when it can.
    public func problem(adding category: PostCategory) -> ValidationError? {
        if category.name.trimmingCharacters(in: .whitespaces).isEmpty { return .invalid(field: "name", reason: "Give the category a name") }
        if category.name.count > 80 { return .invalid(field: "name", reason: "Keep the name to 80 characters") }
        if bySlug[category.slug] != nil { return .invalid(field: "name", reason: "There is already a category '\(category.slug)'") }
        if let parent = category.parentSlug, bySlug[parent] == nil {
            return .invalid(field: "parent", reason: "'\(parent)' is not a category")
        }
        return nil
    }
}
