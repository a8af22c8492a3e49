import Foundation
import Plot
import VanguardCore

/// Every call a person may see: open ones first, then upcoming (programme team only), then closed.
enum CallsPage {
    static func document(calls: [Call], now: Date, context: PageContext) -> HTML {
        let open = calls.filter { $0.phase(at: now) == .open }
        let upcoming = calls.filter { $0.phase(at: now) == .upcoming }
        let closed = calls.filter { $0.phase(at: now) == .closed }
        return Layout.document(
            title: "Calls for applications", context: context, breadcrumbs: [("Home", .home)],
            body: .group(
                .h1(.text("Calls for applications")),
                .p(
                    .class("nhsuk-lede-text"),
                    .text(
                        "Partnerships apply to become vanguards through a call: applications are assessed on published criteria, shortlisted partnerships present to a panel, and the programme team selects sites into waves."
                    )),
                .if(context.allows(.manageCalls), .p(.a(.class("nhsuk-button"), .safeHref(SiteURL.newCall.path), .text("New call")))),
                .if(context.signedInAs != nil, .p(.a(.safeHref(SiteURL.applications.path), .text("Your applications")))),
                section("Open now", open, now: now, empty: "No call is open just now."),
                .if(!upcoming.isEmpty, section("Not yet open (visible to the programme team)", upcoming, now: now, empty: "")),
                section("Closed", closed, now: now, empty: "No call has closed yet."),
                .h2(.text("Before this platform")),
                .p(
                    .a(.safeHref(SiteURL.historicalCall.path), .text("The 2015 call: new care models vanguards")),
                    .text(": what NHS England published, beside the sites the registry records."))
            )
        )
    }

    static func section(_ heading: String, _ calls: [Call], now: Date, empty: String) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text(heading)),
            calls.isEmpty
                ? .p(.text(empty))
                : .ul(
                    .class("nhsuk-list vg-call-list"),
                    .forEach(calls) { call in
                        .li(
                            .h3(.class("nhsuk-heading-s"), .a(.safeHref(SiteURL.call(call.id).path), .text(call.title))),
                            .p(
                                .group(.forEach(call.careModels) { .group(Components.careModelTag($0), .text(" ")) }),
                                .text(CallPage.dates(of: call, now: now))
                            )
                        )
                    }
                )
        )
    }
}
