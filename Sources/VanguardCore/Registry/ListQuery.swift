import Foundation

/// A query parameter that was given but cannot be used, with what would have been allowed.
public struct InvalidParameter: Error, Equatable, Sendable, CustomStringConvertible {
    public let name: String
    public let value: String
    public let allowed: String

    public init(name: String, value: String, allowed: String) {
        self.name = name
        self.value = value
        self.allowed = allowed
    }

    public var description: String { "\(name)='\(value)' is not allowed: \(name) must be \(allowed)" }
}

/// A page of a list, in the shape Fluent's `Page` uses (`items`, `metadata.page/per/total`).
public struct PageRequest: Hashable, Sendable {
    public static let maximumPerPage = 100
    public static let defaultPerPage = 20
    /// Far beyond any list the programme has, and small enough that no offset arithmetic can overflow.
    public static let maximumPage = 100_000

    public let page: Int
    public let per: Int

    /// Out-of-range values are clamped, so no page built in code can make the offset overflow.
    public init(page: Int = 1, per: Int = PageRequest.defaultPerPage) {
        self.page = min(max(page, 1), Self.maximumPage)
        self.per = min(max(per, 1), Self.maximumPerPage)
    }

    /// How many items come before this page.
    public var offset: Int { (page - 1) * per }

    /// Reads `page` and `per` as given in a query string; absent means the defaults.
    public init(page pageText: String?, per perText: String?) throws(InvalidParameter) {
        var page = 1
        var per = Self.defaultPerPage
        if let pageText {
            guard let value = Int(pageText), (1...Self.maximumPage).contains(value) else {
                throw InvalidParameter(
                    name: "page", value: String(pageText.prefix(40)), allowed: "a whole number from 1 to \(Self.maximumPage)")
            }
            page = value
        }
        if let perText {
            guard let value = Int(perText), (1...Self.maximumPerPage).contains(value) else {
                throw InvalidParameter(
                    name: "per", value: String(perText.prefix(40)), allowed: "a whole number from 1 to \(Self.maximumPerPage)")
            }
            per = value
        }
        self.init(page: page, per: per)
    }

    /// The slice of `items` this page holds; past the end it is empty.
    public func slice<T>(_ items: [T]) -> ArraySlice<T> {
        let start = min(offset, items.count)
        let end = min(start + per, items.count)
        return items[start..<end]
    }

    public func pageCount(total: Int) -> Int {
        max(1, (total + per - 1) / per)
    }
}

extension VanguardFilter {
    /// Reads the filter from query-string values, rejecting values the registry does not know.
    public init(careModel: String?, wave: String?, region: String?, text: String?, in registry: Registry) throws(InvalidParameter) {
        self.init()
        if let careModel = careModel.nonBlank {
            self.careModel = try CareModel(parameter: careModel)
        }
        if let wave = wave.nonBlank {
            // 2015's three waves, and any a later selection has made.
            let known = Set(Wave.all.map(\.number) + registry.vanguards.map(\.wave.number)).sorted()
            guard let number = Int(wave),
                let value = Wave(number: number) ?? registry.vanguards.first(where: { $0.wave.number == number })?.wave
            else {
                let listed = known.map(String.init)
                throw InvalidParameter(
                    name: "wave", value: wave, allowed: listed.dropLast().joined(separator: ", ") + " or " + (listed.last ?? ""))
            }
            self.wave = value
        }
        if let region = region.nonBlank {
            guard registry.region(code: region) != nil else {
                throw InvalidParameter(
                    name: "region", value: region,
                    allowed: "an NHS England region code, one of \(registry.regions.map(\.code).sorted().joined(separator: ", "))"
                )
            }
            regionCode = region
        }
        self.text = text.nonBlank
    }
}

extension CareModel {
    /// Reads a `care_model` query parameter, in any case, naming the codes allowed when it is none of them.
    public init(parameter text: String) throws(InvalidParameter) {
        guard let model = CareModel(rawValue: text.lowercased()) else {
            throw InvalidParameter(
                name: "care_model", value: text, allowed: "one of \(CareModel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = model
    }
}

extension Optional where Wrapped == String {
    /// The string trimmed, or nil when absent or blank, as an empty form field arrives.
    public var nonBlank: String? {
        guard let value = self?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}
