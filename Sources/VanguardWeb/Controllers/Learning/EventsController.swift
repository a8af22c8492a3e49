import Foundation
import Plot
import VanguardCore
import VanguardStore
import Vapor

/// Courses, webinars and open days: organising them, taking a place, and the iCalendar feed.
enum EventsController {
    @Sendable static func list(request: Request) async throws -> Response {
        EventsPage.document(try await EventStore(on: request).events(), now: request.now, context: request.pageContext).response()
    }

    static func find(_ request: Request) async throws -> (event: ProgrammeEvent, attendees: [UUID]) {
        guard let id = UUID(uuidString: request.pathParameter("event")), let found = try await EventStore(on: request).event(id) else {
            throw AppError.notFound("The event")
        }
        return found
    }

    static func page(_ request: Request, notice: String? = nil) async throws -> HTML {
        let (event, attendees) = try await find(request)
        let viewer = try? request.requirePerson().id
        let canEdit = PostsController.mayWrite(about: event.vanguardNumber, context: request.pageContext)
        var names: [String] = []
        if canEdit {
            for id in attendees {
                names.append(try await request.accounts.account(id: id).map { "\($0.displayName) (\($0.email))" } ?? "A former member")
            }
        }
        let model = EventPage.Model(
            event: event, taken: attendees.count, attendees: names, hasPlace: viewer.map(attendees.contains) ?? false,
            canEdit: canEdit, now: request.now, notice: notice)
        return EventPage.document(model, context: request.pageContext)
    }

    @Sendable static func show(request: Request) async throws -> Response {
        try await page(request).response()
    }

    @Sendable static func signUp(request: Request) async throws -> Response {
        let (event, _) = try await find(request)
        let person = try request.requirePerson()
        do {
            try await EventStore(on: request).signUp(person.id, to: event.id, by: person.actor)
            return try await page(request, notice: "You have a place at \(event.title).").response()
        } catch let error as ValidationError {
            return try await page(request, notice: "No place taken: \(error.reason)").response(status: .badRequest)
        }
    }

    @Sendable static func cancel(request: Request) async throws -> Response {
        let (event, _) = try await find(request)
        let person = try request.requirePerson()
        try await EventStore(on: request).cancel(person.id, from: event.id, by: person.actor)
        return try await page(request, notice: "Your place is given up.").response()
    }

    // MARK: Organising

    static func fields(_ values: [String: String], errors: [String: String], vanguards: [Vanguard]) -> [FormField] {
        [
            FormField(
                name: "kind", label: "Kind", kind: .select(ProgrammeEvent.Kind.allCases.map { ($0.rawValue, $0.name) }),
                value: values["kind"] ?? "", error: errors["kind"]),
            FormField(name: "title", label: "Title", value: values["title"] ?? "", error: errors["title"]),
            FormField(
                name: "description", label: "Description", kind: .textarea, value: values["description"] ?? "",
                hint: "Markdown, as in posts", error: errors["description"]),
            FormField(
                name: "starts_at", label: "Starts", value: values["starts_at"] ?? "", hint: "YYYY-MM-DD HH:MM, UK time",
                error: errors["starts_at"]),
            FormField(
                name: "ends_at", label: "Ends", value: values["ends_at"] ?? "", hint: "YYYY-MM-DD HH:MM, UK time", error: errors["ends_at"]),
            FormField(
                name: "place", label: "Place", value: values["place"] ?? "", hint: "Where it happens in person, if it does",
                error: errors["place"]),
            FormField(
                name: "link", label: "Joining link", value: values["link"] ?? "", hint: "https://… for a webinar", error: errors["link"]),
            FormField(name: "capacity", label: "Places", value: values["capacity"] ?? "", error: errors["capacity"]),
            FormField(
                name: "vanguard", label: "Vanguard",
                kind: .select([("", "None (programme-wide)")] + vanguards.map { (String($0.number), "\($0.number). \($0.name)") }),
                value: values["vanguard"] ?? "", error: errors["vanguard"]),
        ]
    }

    static func formPage(_ request: Request, title: String, action: SiteURL, values: [String: String], errors: [String: String])
        async throws -> HTML
    {
        let context = request.pageContext
        let vanguards = try await request.registry().vanguards.filter {
            context.isProgrammeTeam || context.allows(.writePosts, on: .vanguard($0.number))
        }
        return Layout.document(
            title: title, context: context, breadcrumbs: [("Home", .home), ("Learning", .learning(.home)), ("Events", .learning(.events))],
            body: .group(
                .h1(.text(title)),
                Forms.form(
                    action: action, csrf: context.csrfToken, fields: fields(values, errors: errors, vanguards: vanguards),
                    submit: "Save event"))
        )
    }

    static func values(_ event: ProgrammeEvent) -> [String: String] {
        [
            "kind": event.kind.rawValue, "title": event.title, "description": event.description,
            "starts_at": CalendarText.editable(event.startsAt),
            "ends_at": CalendarText.editable(event.endsAt), "place": event.place ?? "", "link": event.link ?? "",
            "capacity": String(event.capacity),
            "vanguard": event.vanguardNumber.map(String.init) ?? "",
        ]
    }

    /// The event a form describes, or every problem by field.
    static func read(_ form: [String: String], id: UUID, context: PageContext) -> Result<ProgrammeEvent, FieldErrors> {
        var reading = FormReading()
        let kind = ProgrammeEvent.Kind(rawValue: form["kind"] ?? "")
        if kind == nil { reading.note("kind", "Choose the kind of event") }
        let starts = CalendarText.parseDateTime(form["starts_at"] ?? "")
        if starts == nil { reading.note("starts_at", "Give the start as YYYY-MM-DD HH:MM") }
        let ends = CalendarText.parseDateTime(form["ends_at"] ?? "")
        if ends == nil { reading.note("ends_at", "Give the end as YYYY-MM-DD HH:MM") }
        let capacity = Int((form["capacity"] ?? "").trimmingCharacters(in: .whitespaces)) ?? 0
        let vanguard = Int(form["vanguard"] ?? "")
        if !PostsController.mayWrite(about: vanguard, context: context) {
            reading.note(
                "vanguard",
                vanguard == nil
                    ? "Choose your vanguard: programme-wide events are organised by the programme team"
                    : "You organise events for your own vanguard only")
        }
        func optional(_ key: String) -> String? {
            let value = (form[key] ?? "").trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
        let event = ProgrammeEvent(
            id: id, kind: kind ?? .course, title: form["title"] ?? "",
            description: (form["description"] ?? "").replacingOccurrences(of: "\r\n", with: "\n"),
            startsAt: starts ?? .distantPast, endsAt: ends ?? .distantFuture, place: optional("place"), link: optional("link"),
            capacity: capacity, vanguardNumber: vanguard)
        for problem in event.problems where !(problem.field == "ends_at" && (starts == nil || ends == nil)) {
            reading.note(problem.field, problem.reason)
        }
        return reading.result(event)
    }

    @Sendable static func newForm(request: Request) async throws -> Response {
        try await formPage(request, title: "New event", action: .learning(.newEvent), values: ["capacity": "30"], errors: [:]).response()
    }

    @Sendable static func create(request: Request) async throws -> Response {
        try await save(request, id: UUID(), title: "New event", action: .learning(.newEvent))
    }

    @Sendable static func editForm(request: Request) async throws -> Response {
        let (event, _) = try await find(request)
        guard PostsController.mayWrite(about: event.vanguardNumber, context: request.pageContext) else {
            throw AppError.forbidden("Only the event's organisers can change it")
        }
        return try await formPage(
            request, title: "Edit: \(event.title)", action: .learning(.editEvent(event.id)), values: values(event), errors: [:]
        ).response()
    }

    @Sendable static func update(request: Request) async throws -> Response {
        let (event, _) = try await find(request)
        guard PostsController.mayWrite(about: event.vanguardNumber, context: request.pageContext) else {
            throw AppError.forbidden("Only the event's organisers can change it")
        }
        return try await save(request, id: event.id, title: "Edit: \(event.title)", action: .learning(.editEvent(event.id)))
    }

    static func save(_ request: Request, id: UUID, title: String, action: SiteURL) async throws -> Response {
        let form = try request.content.decode([String: String].self)
        switch read(form, id: id, context: request.pageContext) {
        case .failure(let errors):
            return try await formPage(request, title: title, action: action, values: form, errors: errors.byField).response(
                status: .badRequest)
        case .success(let event):
            do {
                try await EventStore(on: request).save(event, by: try request.requirePerson().actor)
            } catch let error as ValidationError {
                return try await formPage(request, title: title, action: action, values: form, errors: error.byField).response(
                    status: .badRequest)
            }
            return request.redirect(to: SiteURL.learning(.event(event.id)).path, redirectType: .normal)
        }
    }

    /// Every event as iCalendar, so people can subscribe from their calendar.
    @Sendable static func calendar(request: Request) async throws -> Response {
        let base = request.application.appConfig.publicURL
        let events = try await EventStore(on: request).events().map { row in
            ICalendar.Event(
                uid: "\(row.event.id.uuidString.lowercased())@vanguard", summary: "\(row.event.kind.name): \(row.event.title)",
                description: SafeMarkdown.text(ofHTML: row.event.descriptionHTML ?? ""), startsAt: row.event.startsAt,
                endsAt: row.event.endsAt,
                location: [row.event.place, row.event.link].compactMap { $0 }.joined(separator: " / "),
                url: base + SiteURL.learning(.event(row.event.id)).path, updatedAt: row.updatedAt)
        }
        let response = Response(status: .ok, body: .init(string: ICalendar.calendar(name: "Vanguard events", events: events)))
        response.headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        return response
    }
}
