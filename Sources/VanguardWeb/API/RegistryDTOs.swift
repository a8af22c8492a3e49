import VanguardCore
import Vapor

/// A page of a list, in Fluent's `Page` shape.
struct PageDTO<Item: Content>: Content {
    struct Metadata: Content, Equatable {
        let page: Int
        let per: Int
        let total: Int
    }

    let items: [Item]
    let metadata: Metadata

    init(all items: [Item], page: PageRequest) {
        self.items = Array(page.slice(items))
        metadata = Metadata(page: page.page, per: page.per, total: items.count)
    }
}

struct CodeNameDTO: Content, Equatable {
    let code: String
    let name: String
}

struct VanguardRefDTO: Content, Equatable {
    let number: Int
    let name: String
    let careModel: String
    let url: String

    enum CodingKeys: String, CodingKey {
        case number, name, url
        case careModel = "care_model"
    }

    init(_ vanguard: Vanguard) {
        number = vanguard.number
        name = vanguard.name
        careModel = vanguard.careModel.rawValue
        url = SiteURL.api(.vanguard(vanguard.number)).path
    }
}

struct VanguardSummaryDTO: Content, Equatable {
    let number: Int
    let name: String
    let careModel: String
    let wave: Int
    let announced: String
    let regions: [CodeNameDTO]
    let confidence: String
    let url: String

    enum CodingKeys: String, CodingKey {
        case number, name, wave, announced, regions, confidence, url
        case careModel = "care_model"
    }

    init(_ vanguard: Vanguard, registry: Registry) {
        number = vanguard.number
        name = vanguard.name
        careModel = vanguard.careModel.rawValue
        wave = vanguard.wave.number
        announced = vanguard.announced.iso8601
        regions = registry.regions(of: vanguard.number).map { CodeNameDTO(code: $0.code, name: $0.name) }
        confidence = vanguard.confidence.rawValue
        url = SiteURL.api(.vanguard(vanguard.number)).path
    }
}

struct VanguardDTO: Content, Equatable {
    struct FootprintDTO: Content, Equatable {
        let code: String
        let name: String
        let ccg2015: [String]
        let basis: String
        let confidence: String
    }

    struct PartnerDTO: Content, Equatable {
        let slug: String
        let name: String
        let sector: String
        let odsCode: String?
        let isLead: Bool
        let asWritten: String

        enum CodingKeys: String, CodingKey {
            case slug, name, sector
            case odsCode = "ods_code"
            case isLead = "is_lead"
            case asWritten = "as_written"
        }
    }

    let number: Int
    let name: String
    let careModel: String
    let careModelName: String
    let wave: Int
    let announced: String
    let areaDescription: String
    let regionDescription: String
    let regions: [CodeNameDTO]
    let areas: [FootprintDTO]
    let partners: [PartnerDTO]
    let leadOrganisationsAsWritten: String
    let governance: String?
    let contracting: String?
    let confidence: String
    let sources: [String]
    let notes: String?
    let html: String

    enum CodingKeys: String, CodingKey {
        case number, name, wave, announced, regions, areas, partners, governance, contracting, confidence, sources, notes, html
        case careModel = "care_model"
        case careModelName = "care_model_name"
        case areaDescription = "area_description"
        case regionDescription = "region_description"
        case leadOrganisationsAsWritten = "lead_organisations_as_written"
    }

    init(_ vanguard: Vanguard, registry: Registry) {
        number = vanguard.number
        name = vanguard.name
        careModel = vanguard.careModel.rawValue
        careModelName = vanguard.careModel.name
        wave = vanguard.wave.number
        announced = vanguard.announced.iso8601
        areaDescription = vanguard.areaDescription
        regionDescription = vanguard.regionDescription
        regions = registry.regions(of: vanguard.number).map { CodeNameDTO(code: $0.code, name: $0.name) }
        areas = registry.footprint(of: vanguard.number).map { row in
            FootprintDTO(
                code: row.areaCode, name: registry.area(code: row.areaCode)?.name ?? row.areaCode,
                ccg2015: row.ccg2015Codes, basis: row.basis, confidence: row.confidence
            )
        }
        partners = registry.partners(of: vanguard.number).map {
            PartnerDTO(
                slug: $0.organisation.slug, name: $0.organisation.name, sector: $0.organisation.sector.rawValue,
                odsCode: $0.organisation.odsCode, isLead: $0.membership.isLead, asWritten: $0.membership.asWritten
            )
        }
        leadOrganisationsAsWritten = vanguard.leadOrganisationsAsWritten
        let governance = registry.governance[vanguard.number]
        self.governance = governance?.governance
        contracting = governance?.contracting?.rawValue
        confidence = vanguard.confidence.rawValue
        sources = vanguard.sources
        notes = vanguard.notes
        html = SiteURL.vanguard(vanguard.number).path
    }
}

struct AreaDTO: Content, Equatable {
    let code: String
    let name: String
    let odsCode: String?
    let icb: CodeNameDTO?
    let region: CodeNameDTO?
    let lsoaCount: Int
    let vanguards: [VanguardRefDTO]
    let html: String

    enum CodingKeys: String, CodingKey {
        case code, name, icb, region, vanguards, html
        case odsCode = "ods_code"
        case lsoaCount = "lsoa_count"
    }

    init(_ area: SubICBLocation, registry: Registry) {
        code = area.code
        name = area.name
        odsCode = area.odsCode
        icb = registry.icb(of: area).map { CodeNameDTO(code: $0.code, name: $0.name) }
        region = registry.region(of: area).map { CodeNameDTO(code: $0.code, name: $0.name) }
        lsoaCount = area.lsoaCount
        vanguards = registry.vanguards(covering: area.code).map(VanguardRefDTO.init)
        html = SiteURL.area(area.code).path
    }
}

struct OrganisationDTO: Content, Equatable {
    let slug: String
    let name: String
    let sector: String
    let odsCode: String?
    let vanguards: [VanguardRefDTO]
    let html: String

    enum CodingKeys: String, CodingKey {
        case slug, name, sector, vanguards, html
        case odsCode = "ods_code"
    }

    init(_ organisation: Organisation, registry: Registry) {
        slug = organisation.slug
        name = organisation.name
        sector = organisation.sector.rawValue
        odsCode = organisation.odsCode
        vanguards = registry.vanguards(withPartner: organisation.slug).map(VanguardRefDTO.init)
        html = SiteURL.organisation(organisation.slug).path
    }
}
