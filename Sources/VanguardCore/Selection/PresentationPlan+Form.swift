import Foundation

extension PresentationPlan {
    /// Reads the timetable form: slot and changeover minutes, the days (`PresentationPlan.days`), and
    /// one panel a line (name: e-mail, e-mail), each e-mail an assessor's account (`assessorsByEmail`,
    /// lower-cased, to the account's id). Every problem is named by field and line at once.
    public static func read(from form: [String: String], assessorsByEmail byEmail: [String: String]) -> Result<
        PresentationPlan, FieldErrors
    > {
        var reading = FormReading()
        let slot = Int(form["slot_minutes"] ?? "") ?? 0
        if !(1...240).contains(slot) { reading.note("slot_minutes", "Give the presentation length in minutes, from 1 to 240") }
        let changeover = Int(form["changeover_minutes"] ?? "") ?? -1
        if !(0...120).contains(changeover) { reading.note("changeover_minutes", "Give the changeover in minutes, from 0 to 120") }
        let days = reading.read([]) { () throws(ValidationError) in try PresentationPlan.days(form["days"] ?? "") }
        var panels: [PresentationPlan.Panel] = []
        for (number, line) in (form["panels"] ?? "").split(whereSeparator: \.isNewline).map(String.init).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                reading.note("panels", "Line \(number + 1): write the panel's name, a colon, then its assessors' e-mail addresses");
                continue
            }
            var members: [String] = []
            for email in parts[1].split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !email.isEmpty {
                if let id = byEmail[email] {
                    members.append(id)
                } else {
                    reading.note("panels", "Line \(number + 1): \(email) is not an account with the assessor role")
                }
            }
            if members.isEmpty { reading.note("panels", "Line \(number + 1): the panel has no assessors") }
            panels.append(.init(name: parts[0], assessors: members))
        }
        if panels.isEmpty { reading.note("panels", "Give at least one panel") }
        return reading.result(PresentationPlan(slotMinutes: slot, changeoverMinutes: changeover, days: days, panels: panels))
    }
}
