import Plot
import VanguardCore
import VanguardStore

/// The lookup as a table, with the form to add or change a mapping.
enum ProviderLookupPage {
    static func document(entries: [ProviderArea], registry: Registry, fields: [FormField], context: PageContext) -> HTML {
        Layout.document(
            title: "Provider to area lookup", context: context, breadcrumbs: [("Home", .home), ("Upload returns", .uploadReturns)],
            body: .group(
                .h1(.text("Provider to area lookup")),
                .p(
                    .text(
                        "NHS England publishes A&E attendances by provider. To turn them into returns per sub-ICB location, `vanguard import ae` counts each provider's activity towards the area listed here. Providers missing from the lookup are reported by the import and left out, never guessed. Changes are kept in the audit log."
                    )),
                .h2(.text("Add or change a provider")),
                Forms.form(action: .providerLookup, csrf: context.csrfToken, fields: fields, submit: "Save"),
                .h2(.text("\(entries.count) providers")),
                .if(
                    entries.isEmpty,
                    .p(.text("The lookup is empty. Add providers here, or load a file with vanguard import ae FILE --lookup LOOKUP.csv.")),
                    else: .table(
                        .class("nhsuk-table"),
                        .thead(.tr(.th(.text("ODS code")), .th(.text("Provider")), .th(.text("Counts towards")), .th(.text("")))),
                        .tbody(
                            .forEach(entries) { entry in
                                .tr(
                                    .td(.code(.text(entry.orgCode))),
                                    .td(.text(entry.orgName)),
                                    .td(
                                        .unwrap(
                                            registry.area(code: entry.areaCode),
                                            { .a(.safeHref(SiteURL.area($0.code).path), .text($0.name)) }, else: .text(entry.areaCode))),
                                    .td(Forms.postButton(.removeProvider(entry.orgCode), csrf: context.csrfToken, label: "Remove"))
                                )
                            })
                    ))
            )
        )
    }
}
