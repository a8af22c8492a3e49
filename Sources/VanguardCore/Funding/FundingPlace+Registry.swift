extension Registry {
    /// The care model a funded place works to: a vanguard's own; none for a partnership of areas.
    public func careModel(of place: FundingPlace) -> CareModel? {
        if case .vanguard(let number) = place { return vanguards.first { $0.number == number }?.careModel }
        return nil
    }

    /// The NHS regions a funded place lies in, by name.
    public func regionNames(of place: FundingPlace) -> [String] {
        switch place {
        case .vanguard(let number): regionNames(of: footprint(of: number).map(\.areaCode))
        case .areas(let codes): regionNames(of: codes)
        }
    }

    /// A funded place as people name it.
    public func name(of place: FundingPlace) -> String {
        switch place {
        case .vanguard(let number): vanguards.first { $0.number == number }?.name ?? "Vanguard \(number)"
        case .areas(let codes):
            "Partnership over " + codes.map { code in areas.first { $0.code == code }?.name ?? code }.joined(separator: ", ")
        }
    }
}
