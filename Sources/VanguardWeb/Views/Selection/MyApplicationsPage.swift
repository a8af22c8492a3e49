import Plot
import VanguardCore

/// The applications a person leads, with where each stands.
enum MyApplicationsPage {
    static func document(_ applications: [(CallApplication, Call)], context: PageContext) -> HTML {
        Layout.document(
            title: "Your applications", context: context, breadcrumbs: [("Home", .home), ("Calls", .calls)],
            body: .group(
                .h1(.text("Your applications")),
                applications.isEmpty
                    ? .p(.text("You have not started an application. "), .a(.safeHref(SiteURL.calls.path), .text("See the calls")))
                    : .table(
                        .class("nhsuk-table"),
                        .thead(.tr(.th(.text("Partnership")), .th(.text("Call")), .th(.text("Status")), .th(.text("Last changed")))),
                        .tbody(
                            .forEach(applications) { application, call in
                                .tr(
                                    .td(
                                        .a(
                                            .safeHref(SiteURL.application(application.id).path),
                                            .text(ApplicationPage.title(of: application)))),
                                    .td(.a(.safeHref(SiteURL.call(call.id).path), .text(call.title))),
                                    .td(.text(application.status.name)),
                                    .td(.text(CalendarText.dateTime(application.updatedAt)))
                                )
                            })
                    )
            )
        )
    }
}
