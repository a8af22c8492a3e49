import Foundation
import VanguardCore

/// The application form's fields as text, and reading them back.
enum ApplicationForm {
    static func values(of content: ApplicationContent, call: Call) -> [String: String] {
        var values = [
            "partnership_name": content.partnershipName,
            "care_model": content.careModel?.rawValue ?? "",
            "areas": content.areaCodes.joined(separator: " "),
            "population": content.population.map(String.init) ?? "",
            "partners": ApplicationText.text(of: content.partners),
            "commitments": ApplicationText.text(of: content.commitments),
            "sustainability": content.sustainabilityPounds.map(String.init) ?? "",
            "transformation": content.transformationPounds.map(String.init) ?? "",
        ]
        for question in call.questions { values["answer_\(question.key)"] = content.answers[question.key] ?? "" }
        return values
    }

    /// Reads what was typed. A draft may leave things out; what is there must make sense.
    static func parse(_ form: [String: String], call: Call) -> Result<ApplicationContent, FieldErrors> {
        var reading = FormReading()
        var content = ApplicationContent()
        content.partnershipName = reading.read("") { () throws(ValidationError) in
            try FieldLimits.check(form["partnership_name"] ?? "", field: "partnership_name", maximum: 200, required: false)
        }
        if let code = form["care_model"].nonBlank {
            if let model = CareModel(rawValue: code) {
                content.careModel = model
            } else {
                reading.note("care_model", "Choose a care model from the list")
            }
        }
        content.areaCodes = (form["areas"] ?? "").split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" })
            .map { $0.uppercased() }
            .reduce(into: [String]()) { codes, code in if !codes.contains(code) { codes.append(code) } }
        content.population = reading.read(nil) { () throws(ValidationError) in try ApplicationText.population(form["population"] ?? "") }
        content.partners = reading.read([]) { () throws(ValidationError) in try ApplicationText.partners(form["partners"] ?? "") }
        content.commitments = reading.read([]) { () throws(ValidationError) in try ApplicationText.commitments(form["commitments"] ?? "") }
        content.sustainabilityPounds = reading.read(nil) { () throws(ValidationError) in
            try ApplicationText.pounds(form["sustainability"] ?? "", field: "sustainability")
        }
        content.transformationPounds = reading.read(nil) { () throws(ValidationError) in
            try ApplicationText.pounds(form["transformation"] ?? "", field: "transformation")
        }
        for question in call.questions {
            let answer = (form["answer_\(question.key)"] ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(
                in: .whitespacesAndNewlines)
            if answer.count > 20_000 { reading.note("answer_\(question.key)", "Keep an answer to 20,000 characters") }
            if !answer.isEmpty { content.answers[question.key] = answer }
        }
        return reading.result(content)
    }
}
