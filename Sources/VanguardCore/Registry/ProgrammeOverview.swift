/// "The programme at a glance": every figure computed from the registry, none typed in.
public struct ProgrammeOverview: Sendable, Equatable {
    public struct Count: Sendable, Equatable {
        public let careModel: CareModel
        public let wave: Wave
        public let vanguards: Int
    }

    public struct Announcement: Sendable, Equatable {
        public let wave: Wave
        public let careModels: [CareModel]
        public let vanguards: Int
    }

    public let totalVanguards: Int
    /// 2015's three waves and any a later call selected into.
    public let waves: [Wave]
    public let counts: [Count]
    public let announcements: [Announcement]
    public let areasCovered: Int
    public let areasInEngland: Int
    public let lsoasCovered: Int
    public let lsoasInEngland: Int
    public let applications: ProgrammeFact?
    public let shortlisted: ProgrammeFact?
    public let populationSharePercent: ProgrammeFact?
    public let partialRows: Int

    public init(registry: Registry) {
        totalVanguards = registry.vanguards.count
        let waves = Set(Wave.all).union(registry.vanguards.map(\.wave)).sorted()
        self.waves = waves
        var counts: [Count] = []
        for careModel in CareModel.allCases {
            for wave in waves {
                let number = registry.vanguards.filter { $0.careModel == careModel && $0.wave == wave }.count
                if number > 0 { counts.append(Count(careModel: careModel, wave: wave, vanguards: number)) }
            }
        }
        self.counts = counts
        announcements = waves.map { wave in
            let inWave = registry.vanguards.filter { $0.wave == wave }
            return Announcement(wave: wave, careModels: Array(Set(inWave.map(\.careModel))).sorted(), vanguards: inWave.count)
        }
        let covered = Set(registry.footprints.map(\.areaCode))
        areasCovered = covered.count
        areasInEngland = registry.areas.count
        lsoasCovered = registry.areas.filter { covered.contains($0.code) }.reduce(0) { $0 + $1.lsoaCount }
        lsoasInEngland = registry.areas.reduce(0) { $0 + $1.lsoaCount }
        applications = registry.fact("applications")
        shortlisted = registry.fact("shortlisted")
        populationSharePercent = registry.fact("population_share_percent")
        partialRows = registry.vanguards.filter { $0.confidence != .sourced }.count
    }

    public func vanguards(careModel: CareModel) -> Int {
        counts.filter { $0.careModel == careModel }.reduce(0) { $0 + $1.vanguards }
    }

    /// The vanguards of 2015's three waves: the programme's history, which later selections do not change.
    public var vanguardsOf2015: Int {
        Wave.all.reduce(0) { $0 + vanguards(wave: $1) }
    }

    /// Waves a later call selected into, after 2015's three.
    public var laterWaves: [Wave] {
        waves.filter { !Wave.all.contains($0) }
    }

    public func vanguards(wave: Wave) -> Int {
        counts.filter { $0.wave == wave }.reduce(0) { $0 + $1.vanguards }
    }
}
