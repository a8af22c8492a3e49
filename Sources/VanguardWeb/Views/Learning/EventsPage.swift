import Foundation
import Plot
import VanguardCore

/// Courses, webinars and open days: what is coming, what has been, and the calendar feed.
enum EventsPage {
    static func document(_ events: [(event: ProgrammeEvent, taken: Int, updatedAt: Date)], now: Date, context: PageContext) -> HTML {
        let upcoming = events.filter { $0.event.endsAt > now }
        let past = events.filter { $0.event.endsAt <= now }.reversed()
        return Layout.document(
            title: "Events", context: context, breadcrumbs: [("Home", .home), ("Learning", .learning(.home))],
            body: .group(
                .h1(.text("Courses, webinars and open days")),
                .p(
                    .a(
                        .safeHref(SiteURL.learning(.eventsCalendar).path), .safeAttribute(named: "type", value: "text/calendar"),
                        .text("Add every event to your calendar (iCalendar feed)"))),
                .if(
                    context.allows(.writePosts),
                    .p(.a(.class("nhsuk-button"), .safeHref(SiteURL.learning(.newEvent).path), .text("New event")))),
                .h2(.text("Coming up")),
                table(Array(upcoming), empty: "Nothing is planned yet."),
                .if(!past.isEmpty, .group(.h2(.text("Past events")), table(Array(past), empty: "")))
            )
        )
    }

    static func table(_ rows: [(event: ProgrammeEvent, taken: Int, updatedAt: Date)], empty: String) -> Node<HTML.BodyContext> {
        rows.isEmpty
            ? .p(.class("vg-empty"), .text(empty))
            : .table(
                .class("nhsuk-table"),
                .thead(.tr(.th(.text("Event")), .th(.text("When")), .th(.text("Where")), .th(.class("vg-number"), .text("Places left")))),
                .tbody(
                    .forEach(rows) { row in
                        .tr(
                            .td(
                                .span(.class("nhsuk-caption-m"), .text(row.event.kind.name)),
                                .a(.safeHref(SiteURL.learning(.event(row.event.id)).path), .text(row.event.title))),
                            .td(.text(DateText.short(row.event.startsAt))),
                            .td(.text(EventPage.whereText(row.event))),
                            .td(.class("vg-number"), .text(String(max(row.event.capacity - row.taken, 0))))
                        )
                    })
            )
    }
}

/// One event, its places, and signing up.
enum EventPage {
    struct Model {
        let event: ProgrammeEvent
        let taken: Int
        /// Who is coming, shown to the organisers only.
        let attendees: [String]
        let hasPlace: Bool
        let canEdit: Bool
        let now: Date
        var notice: String? = nil
    }

    static func whereText(_ event: ProgrammeEvent) -> String {
        [event.place, event.link.map { _ in "online" }].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " and ")
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        let event = model.event
        let left = max(event.capacity - model.taken, 0)
        return Layout.document(
            title: event.title, context: context,
            breadcrumbs: [("Home", .home), ("Learning", .learning(.home)), ("Events", .learning(.events))],
            body: .group(
                .span(.class("nhsuk-caption-l"), .text(event.kind.name)),
                .h1(.text(event.title)),
                .unwrap(model.notice) { .div(.class("nhsuk-inset-text"), .p(.text($0))) },
                Components.summaryList(
                    [
                        ("When", .text("\(DateText.short(event.startsAt)) to \(DateText.short(event.endsAt))")),
                        (
                            "Where",
                            .group(
                                .text(event.place ?? ""),
                                .unwrap(event.link) { link in
                                    .group(
                                        .if(!(event.place ?? "").isEmpty, .text(" and ")),
                                        .a(.safeHref(link), .safeAttribute(named: "rel", value: "nofollow noopener"), .text("online")))
                                })
                        ),
                        ("Places", .text("\(left) of \(event.capacity) left")),
                    ]
                        + (event.vanguardNumber.map { [("Vanguard", .a(.safeHref(SiteURL.vanguard($0).path), .text("Vanguard \($0)")))] }
                            ?? [])),
                .div(.class("vg-post__body"), .raw(event.descriptionHTML ?? "")),
                signUp(model, left: left, context: context),
                .if(
                    model.canEdit,
                    .group(
                        .p(.a(.safeHref(SiteURL.learning(.editEvent(event.id)).path), .text("Edit this event"))),
                        .h2(.text("Who is coming (\(model.taken))")),
                        .ul(.class("nhsuk-list"), .forEach(model.attendees) { .li(.text($0)) })
                    ))
            )
        )
    }

    static func signUp(_ model: Model, left: Int, context: PageContext) -> Node<HTML.BodyContext> {
        let event = model.event
        if event.startsAt <= model.now { return .p(.text("Sign-up has closed.")) }
        if model.hasPlace {
            return .group(
                .p(.strong(.text("You have a place."))),
                Forms.postButton(.learning(.eventCancel(event.id)), csrf: context.csrfToken, label: "Give up my place"))
        }
        if !context.allows(.takePart) {
            return .p(
                .a(
                    .safeHref(SiteURL.signIn.path(query: ["next": SiteURL.learning(.event(event.id)).path])),
                    .text("Sign in to take a place")))
        }
        return left == 0
            ? .p(.text("The event is full."))
            : Forms.postButton(.learning(.eventSignUp(event.id)), csrf: context.csrfToken, label: "Take a place", secondary: false)
    }
}
