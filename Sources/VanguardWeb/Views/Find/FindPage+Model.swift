import VanguardCore

enum FindPage {
    /// "Find your local vanguard": the query and what it matched.
    struct Model {
        let search: LocalVanguardSearch?

        init(query: String?, registry: Registry) {
            search = query.nonBlank.map { LocalVanguardSearch(query: $0, in: registry) }
        }
    }
}
