import FluentKit
import Foundation
import VanguardCore

/// Events and their sign-ups. A sign-up counts the places inside its transaction, so two people
/// cannot take the last place at once (the unique index keeps one place per person).
public struct EventStore: Store {
    let database: any Database
    let now: @Sendable () -> Date

    public init(database: any Database, now: @escaping @Sendable () -> Date = SystemTime.now) {
        self.database = database
        self.now = now
    }

    public func save(_ event: ProgrammeEvent, by actor: Actor, at date: Date? = nil) async throws {
        let date = date ?? now()
        if let problem = event.problems.first { throw problem }
        try await database.guardedTransaction { database in
            let existing = try await EventRecord.find(event.id, on: database)
            let record = existing ?? EventRecord()
            if existing == nil {
                record.id = event.id
                record.createdBy = actor.userID ?? UUID()
            } else {
                let taken = try await EventSignUpRecord.query(on: database).filter(\.$eventID == event.id).count()
                if event.capacity < taken {
                    throw ValidationError.invalid(
                        field: "capacity", reason: "\(taken) people have signed up: the event needs at least \(taken) places")
                }
            }
            record.kind = event.kind.rawValue
            record.title = event.title.trimmingCharacters(in: .whitespaces)
            record.description = event.description
            record.descriptionHTML = SafeMarkdown.html(from: event.description).html
            record.startsAt = event.startsAt
            record.endsAt = event.endsAt
            record.place = event.place
            record.link = event.link
            record.capacity = event.capacity
            record.vanguardNumber = event.vanguardNumber
            record.updatedAt = date
            try await record.save(on: database)
            try await AuditLog.record(
                actor, existing == nil ? "create" : "update", entity: "event", id: event.id.uuidString,
                after: ["title": event.title, "capacity": String(event.capacity)], at: now(), on: database)
        }
    }

    public func events() async throws -> [(event: ProgrammeEvent, taken: Int, updatedAt: Date)] {
        let records = try await EventRecord.query(on: database).sort(\.$startsAt).all()
        let signUps = try await EventSignUpRecord.query(on: database).all()
        let counts = Dictionary(grouping: signUps, by: \.eventID).mapValues(\.count)
        return records.compactMap { record in
            Self.event(record).map { ($0, counts[$0.id] ?? 0, record.updatedAt) }
        }
    }

    public func event(_ id: UUID) async throws -> (event: ProgrammeEvent, attendees: [UUID])? {
        guard let record = try await EventRecord.find(id, on: database), let event = Self.event(record) else { return nil }
        let attendees = try await EventSignUpRecord.query(on: database).filter(\.$eventID == id).sort(\.$createdAt).all().map(\.userID)
        return (event, attendees)
    }

    /// Takes a place; refused when the event is full, has started, or the person already has one.
    public func signUp(_ account: UUID, to id: UUID, by actor: Actor, at date: Date? = nil) async throws {
        let date = date ?? now()
        try await database.guardedTransaction { database in
            guard let record = try await EventRecord.find(id, on: database) else {
                throw ValidationError.invalid(field: "event", reason: "There is no such event")
            }
            if record.startsAt <= date {
                throw ValidationError.invalid(field: "event", reason: "Sign-up has closed: the event has started")
            }
            let places = try await EventSignUpRecord.query(on: database).filter(\.$eventID == id).all()
            if places.contains(where: { $0.userID == account }) {
                throw ValidationError.invalid(field: "event", reason: "You already have a place")
            }
            if places.count >= record.capacity {
                throw ValidationError.invalid(field: "event", reason: "The event is full: all \(record.capacity) places are taken")
            }
            let signUp = EventSignUpRecord()
            signUp.eventID = id
            signUp.userID = account
            signUp.createdAt = date
            try await signUp.create(on: database)
            try await AuditLog.record(
                actor, "sign_up", entity: "event", id: id.uuidString, after: ["places_taken": String(places.count + 1)], at: now(),
                on: database)
        }
    }

    public func cancel(_ account: UUID, from id: UUID, by actor: Actor) async throws {
        try await database.guardedTransaction { database in
            try await EventSignUpRecord.query(on: database).filter(\.$eventID == id).filter(\.$userID == account).delete()
            try await AuditLog.record(actor, "cancel_sign_up", entity: "event", id: id.uuidString, at: now(), on: database)
        }
    }

    static func event(_ record: EventRecord) -> ProgrammeEvent? {
        guard let id = record.id, let kind = ProgrammeEvent.Kind(rawValue: record.kind) else { return nil }
        var event = ProgrammeEvent(
            id: id, kind: kind, title: record.title, description: record.description, startsAt: record.startsAt, endsAt: record.endsAt,
            place: record.place, link: record.link, capacity: record.capacity, vanguardNumber: record.vanguardNumber)
        event.descriptionHTML = record.descriptionHTML
        return event
    }
}
