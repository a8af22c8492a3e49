/// The plain-text forms the programme team writes a call's questions and criteria in, one per
/// line, read with each problem named by line.
public enum CallText {
    /// One question per line; a line starting "(optional)" need not be answered; a trailing
    /// "[250 words]" sets a word limit.
    public static func questions(_ text: String) throws(ValidationError) -> [CallQuestion] {
        var questions: [CallQuestion] = []
        for (number, raw) in lines(text) {
            var line = raw
            var isRequired = true
            if line.lowercased().hasPrefix("(optional)") {
                isRequired = false
                line = String(line.dropFirst("(optional)".count)).trimmingCharacters(in: .whitespaces)
            }
            var wordLimit: Int?
            if line.hasSuffix("words]"), let open = line.lastIndex(of: "[") {
                let inside = line[line.index(after: open)...].dropLast("words]".count).trimmingCharacters(in: .whitespaces)
                guard let limit = Int(inside), limit > 0 else {
                    throw .invalid(
                        field: "questions", reason: "Line \(number): the word limit \"[\(inside) words]\" should be a whole number above 0")
                }
                wordLimit = limit
                line = String(line[..<open]).trimmingCharacters(in: .whitespaces)
            }
            guard !line.isEmpty else { throw .invalid(field: "questions", reason: "Line \(number): the question has no words") }
            guard line.count <= 1000 else {
                throw .invalid(field: "questions", reason: "Line \(number): keep a question to 1,000 characters")
            }
            questions.append(CallQuestion(key: "q\(questions.count + 1)", prompt: line, isRequired: isRequired, wordLimit: wordLimit))
        }
        return questions
    }

    public static func text(of questions: [CallQuestion]) -> String {
        questions.map { question in
            (question.isRequired ? "" : "(optional) ") + question.prompt + (question.wordLimit.map { " [\($0) words]" } ?? "")
        }.joined(separator: "\n")
    }

    /// One criterion per line: `name | weight | highest score | description`.
    public static func criteria(_ text: String) throws(ValidationError) -> [AssessmentCriterion] {
        var criteria: [AssessmentCriterion] = []
        for (number, line) in lines(text) {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= 3 else {
                throw .invalid(field: "criteria", reason: "Line \(number): write name | weight | highest score | description")
            }
            guard !parts[0].isEmpty else { throw .invalid(field: "criteria", reason: "Line \(number): the criterion has no name") }
            guard let weight = Double(parts[1]), weight.isFinite, weight > 0, weight <= 1_000 else {
                throw .invalid(
                    field: "criteria", reason: "Line \(number): the weight \"\(parts[1])\" should be a number above 0, at most 1,000")
            }
            guard let scale = Int(parts[2]), (1...100).contains(scale) else {
                throw .invalid(
                    field: "criteria", reason: "Line \(number): the highest score \"\(parts[2])\" should be a whole number from 1 to 100")
            }
            if criteria.contains(where: { $0.name == parts[0] }) {
                throw .invalid(field: "criteria", reason: "Line \(number): \"\(parts[0])\" is already a criterion")
            }
            criteria.append(
                AssessmentCriterion(
                    name: parts[0], description: parts.dropFirst(3).joined(separator: " | "), weight: weight, scaleMaximum: scale
                ))
        }
        return criteria
    }

    public static func text(of criteria: [AssessmentCriterion]) -> String {
        criteria.map { criterion in
            let weight = criterion.weight.figureText
            return "\(criterion.name) | \(weight) | \(criterion.scaleMaximum)"
                + (criterion.description.isEmpty ? "" : " | \(criterion.description)")
        }.joined(separator: "\n")
    }

    /// Non-blank lines with their 1-based numbers. Browsers send a textarea's lines ending in
    /// "\r\n", which Swift reads as one Character, so lines split on any newline character.
    static func lines(_ text: String) -> [(Int, String)] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().compactMap { index, line in
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : (index + 1, trimmed)
        }
    }
}
