extension Registry {
    /// Organisations in a sector whose names contain every word of `text`, in name order.
    public func organisations(sector: Sector?, text: String?) -> [Organisation] {
        let words = SearchText.words(in: text ?? "")
        return organisations.filter { organisation in
            if let sector, organisation.sector != sector { return false }
            let haystack = SearchText.normalised(organisation.name + " " + (organisation.odsCode ?? ""))
            return words.allSatisfy { haystack.contains($0) }
        }
    }

    /// Areas narrowed by ICB, region, a care model covering them, or whether any vanguard covers them.
    public func areas(icbCode: String?, regionCode: String?, careModel: CareModel?, covered: Bool?) -> [SubICBLocation] {
        areas.filter { area in
            if let icbCode, area.icbCode != icbCode { return false }
            if let regionCode, icb(of: area)?.regionCode != regionCode { return false }
            if let careModel, !careModels(covering: area.code).contains(careModel) { return false }
            if let covered, vanguards(covering: area.code).isEmpty == covered { return false }
            return true
        }
    }
}
