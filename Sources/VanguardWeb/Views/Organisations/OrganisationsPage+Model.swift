import VanguardCore

enum OrganisationsPage {
    /// The directory of partner organisations, filtered by sector and words, one page at a time.
    struct Model {
        let sector: Sector?
        let text: String?
        let rows: [(organisation: Organisation, vanguards: [Vanguard])]
        let total: Int
        let page: PageRequest

        init(registry: Registry, sector: Sector?, text: String?, page: PageRequest) {
            self.sector = sector
            self.text = text
            self.page = page
            let matching = registry.organisations(sector: sector, text: text)
            total = matching.count
            rows = page.slice(matching).map { ($0, registry.vanguards(withPartner: $0.slug)) }
        }
    }
}

enum OrganisationPage {
    struct Model {
        let organisation: Organisation
        let memberships: [(vanguard: Vanguard, membership: Membership)]

        init(organisation: Organisation, registry: Registry) {
            self.organisation = organisation
            memberships = registry.memberships.filter { $0.organisationSlug == organisation.slug }
                .compactMap { membership in registry.vanguard(number: membership.vanguardNumber).map { ($0, membership) } }
                .sorted { $0.vanguard.number < $1.vanguard.number }
        }
    }
}
